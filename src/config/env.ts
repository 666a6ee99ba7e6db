import { z } from 'zod';
import { ConfigError } from '../errors.js';
import { CONFIG } from '../messages/cli.js';

const optionalText = z.string().trim().min(1).optional();

/** Every variable nianbao reads (all listed with a comment in .env.example). */
export const envSchema = z.object({
  OPENAI_API_KEY: optionalText,
  OPENAI_BASE_URL: z.string().url().optional(),
  NIANBAO_PROVIDER: z.enum(['rules', 'openai', 'langchain']).optional(),
  NIANBAO_MODEL: optionalText,
  NIANBAO_API_KEY: optionalText,
  ANTHROPIC_API_KEY: optionalText,
  GOOGLE_API_KEY: optionalText,
  NIANBAO_RESPONSE_FORMAT: z.enum(['auto', 'json_schema', 'json_object']).optional(),
  NIANBAO_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(10).optional(),
  NIANBAO_TIMEOUT_MS: z.coerce.number().int().min(1).optional(),
  NIANBAO_CACHE_DIR: optionalText,
  NIANBAO_PRICES: optionalText,
  // Resolved with --lang and the locale (LC_ALL, LC_MESSAGES, LANG) by cli/language.ts; listed here so
  // that a wrong value is named with the others. Empty is unset.
  NIANBAO_LANG: z.preprocess((value) => (value === '' ? undefined : value), z.enum(['zh', 'en']).optional()),
});

export type Env = z.infer<typeof envSchema>;

/** Parses the environment once; every bad variable is reported at once. Empty values count as unset. */
export function parseEnv(environment: Readonly<Record<string, string | undefined>>): Env {
  const relevant = Object.fromEntries(
    Object.keys(envSchema.shape).flatMap((key) => {
      const value = environment[key];
      return value === undefined || value.trim() === '' ? [] : [[key, value]];
    }),
  );
  const parsed = envSchema.safeParse(relevant);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  throw new ConfigError(CONFIG.invalidEnvironment(problems.join('; ')));
}
