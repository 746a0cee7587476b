import { z } from 'zod';
import { CLAIM_KINDS, CLAIM_STATES } from './types';

const quoted = z
  .string()
  .regex(/^".*"$/s, 'write the text between double quotes')
  .transform((s) => s.slice(1, -1));

const MESSAGE = /^([^,<>]+), (\d{4}-\d{2}(?:-\d{2}(?: \d{2}:\d{2})?)?)(?: <([^<>\s]+)>)?$/;

const SCENARIO = /^(\S+) @ (\S+) => ([a-z0-9-]+): violated (never|sometimes|always) \((supports|refutes)\)$/;

/** Per-field zod schemas turning the text after `- field:` into its value; errors name the field. */
export const claimFieldSchemas = {
  speaker: z.string().min(1),
  kind: z.enum(CLAIM_KINDS),
  message: z
    .string()
    .regex(MESSAGE, 'write "Speaker Name, YYYY-MM-DD" (optionally " HH:MM"), then optionally " <Message-ID>"')
    .transform((s) => {
      const m = MESSAGE.exec(s) as RegExpExecArray;
      return { speaker: (m[1] as string).trim(), date: m[2] as string, messageId: m[3] ?? null };
    }),
  depth: z
    .string()
    .regex(/^\d{1,3}$/, 'a quote depth is a small whole number')
    .transform(Number),
  answers: z
    .string()
    .regex(/^[a-z]\d+(, *[a-z]\d+)*$/, 'a comma-separated list of claim ids such as "c4, c7"')
    .transform((s) => s.split(',').map((x) => x.trim())),
  status: z
    .string()
    .regex(
      new RegExp(`^(${CLAIM_STATES.join('|')})( [0-9a-f]{12,40})?( .+)?$`),
      `a state (${CLAIM_STATES.join(', ')}), then for "landed" a commit id, then an optional note`,
    )
    .transform((s) => {
      const m = /^(\S+)(?: ([0-9a-f]{12,40}))?(?: (.+))?$/.exec(s) as RegExpExecArray;
      return { state: m[1] as (typeof CLAIM_STATES)[number], commit: m[2] ?? null, note: m[3] ?? null };
    })
    .refine((s) => (s.state === 'landed') === (s.commit !== null), 'a commit id goes with "landed", and only with it'),
  quote: quoted.refine((s) => s.trim().length > 0, 'the quote is empty'),
  prefix: quoted,
  suffix: quoted,
  position: z
    .string()
    .regex(/^\d+-\d+$/, 'write "start-end" offsets into the normalised text')
    .transform((s) => s.split('-').map(Number) as [number, number])
    .refine(([a, b]) => a < b, 'start must be before end'),
  scenario: z
    .string()
    .regex(SCENARIO, 'write "<scenario-id> @ <variant> => <invariant>: violated never|sometimes|always (supports|refutes)"')
    .transform((s) => {
      const m = SCENARIO.exec(s) as RegExpExecArray;
      return {
        scenario: m[1] as string,
        variant: m[2] as string,
        invariant: m[3] as string,
        verdict: m[4] as 'never' | 'sometimes' | 'always',
        relation: m[5] as 'supports' | 'refutes',
      };
    }),
  'scenario-pending': z.string().min(1),
  'not-replayable': z.string().min(1),
} as const;

/** A field name a claim list may use. */
export type ClaimField = keyof typeof claimFieldSchemas;

/** Fields every claim must have. */
export const REQUIRED_CLAIM_FIELDS: readonly ClaimField[] = ['speaker', 'kind', 'message', 'depth', 'status', 'quote'];

/** Fields that may appear more than once in one claim. */
export const REPEATABLE_CLAIM_FIELDS: readonly ClaimField[] = ['scenario'];
