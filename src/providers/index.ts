export { cacheKey, createFileCacheStore, createMemoryCacheStore, withCache, type CacheStore } from './cached.js';
export { createFakeClient, type FakeClient } from './fake.js';
export { createLangchainClient, type LangchainClientOptions } from './langchain.js';
export type { ChatMessage, CompletionRequest, CompletionResponse, JsonSchemaFormat, LlmClient, TokenUsage } from './llm-client.js';
export { createOpenAiClient, type OpenAiClientOptions, type ResponseFormatMode } from './openai.js';
export { costOf, DEFAULT_PRICES, type Price, type PriceTable } from './prices.js';
