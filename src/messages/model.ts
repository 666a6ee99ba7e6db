import { text, type Text } from './text.js';

/** What a model endpoint did wrong, said to the person running nianbao. */
export const MODEL = {
  timeout: (where: string, milliseconds: number) => text(`大模型接口 ${where} 在 ${milliseconds} 毫秒内没有应答`, `the LLM endpoint ${where} did not answer within ${milliseconds} ms`),
  // Node's fetch says only "fetch failed" (the refused connection or the DNS error is its cause).
  unreachable: (where: string, reason: string) =>
    text(`无法连接大模型接口 ${where}${reason ? `：${reason === 'fetch failed' ? '网络请求失败' : reason}` : ''}`, `the LLM endpoint ${where} could not be reached${reason ? `: ${reason}` : ''}`),
  answered: (where: string, status: string, message: string) => text(`大模型接口 ${where} 返回 ${status}：${message}`, `the LLM endpoint ${where} answered ${status}: ${message}`),
  failed: (where: string, message: string) => text(`大模型接口 ${where} 出错：${message}`, `the LLM endpoint ${where} failed: ${message}`),
  quota: (wait: string, limit: string, cause: Text) =>
    text(
      `大模型接口要求等待 ${wait} 后再发请求（retry-after），超过单次调用最多可等的 ${limit}：额度（每日或每月限额）已用完；不再等待（${cause.zh}）`,
      `the LLM endpoint asks to wait ${wait} before the next request (retry-after), longer than the ${limit} a call may wait: a quota (a daily or monthly limit) is used up; not waiting (${cause.en})`,
    ),
  refused: (model: string, refusal: string) => text(`模型 ${model} 拒绝作答：${refusal}`, `the model ${model} refused to answer: ${refusal}`),
  invalid: (model: string, issue: string) => text(`模型 ${model}：${issue}`, `the model ${model}: ${issue}`),
  noValidAnswer: (model: string, attempts: number, issues: string) =>
    text(`模型 ${model} 在 ${attempts} 次尝试中都没有给出有效的回答：${issues}`, `the model ${model} gave no valid answer in ${attempts} attempt(s): ${issues}`),
};
