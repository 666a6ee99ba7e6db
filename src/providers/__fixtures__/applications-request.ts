import type { CompletionRequest } from '../llm-client.js';

// A trimmed narrative request: the 依申请公开 paragraph of fixtures/pingtan-2023-txt/report.txt and a
// strict JSON Schema in the shape extract/ sends (every key required, nulls allowed, no extras).
export const APPLICATIONS_SCHEMA = {
  type: 'object',
  properties: {
    received: {
      anyOf: [{ type: 'number', minimum: 0 }, { type: 'null' }],
      description: 'applications the report says it received (收到 / 受理 / 未收到 = 0); null when not stated',
    },
    answered: {
      anyOf: [{ type: 'number', minimum: 0 }, { type: 'null' }],
      description: 'applications the report says it answered or concluded (办结 / 答复)',
    },
    quote: { type: 'string', description: 'the verbatim sentence that states the number received' },
  },
  required: ['received', 'answered', 'quote'],
  additionalProperties: false,
} as const;

export const APPLICATIONS_REQUEST: CompletionRequest = {
  messages: [
    { role: 'system', content: '你从政府信息公开工作年度报告的正文中摘录数字。只回答 JSON。' },
    {
      role: 'user',
      content:
        '（二）依申请公开方面持续强化服务理念，严格按照《条例》要求，做好申请公开登记、审核、办理、答复、归档等各项工作。2023年全区接收通过邮寄、网络提交的各类政府信息公开申请共计81件，涉及自然人80件、商业企业1件。办结依申请公开81件。',
    },
  ],
  jsonSchema: { name: 'applications', schema: APPLICATIONS_SCHEMA },
};

/** What a model answers to APPLICATIONS_REQUEST. */
export const APPLICATIONS_ANSWER = {
  received: 81,
  answered: 81,
  quote: '2023年全区接收通过邮寄、网络提交的各类政府信息公开申请共计81件',
} as const;
