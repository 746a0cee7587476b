import { z } from 'zod';

const date = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, 'a date is YYYY-MM-DD (or YYYY-MM when only the month is known)');
// A message date may carry the attribution's local time, to tell apart two mails of one day.
const messageDate = z
  .string()
  .regex(/^\d{4}-\d{2}(-\d{2}( \d{2}:\d{2})?)?$/, 'a message date is YYYY-MM-DD, optionally with HH:MM as the attribution gives it');
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a kebab-case name');
const messageId = z
  .string()
  .regex(/^[^<>\s@]+@[^<>\s@]+$/, 'a Message-ID without angle brackets')
  .nullable()
  .default(null);

/** The zod schema of an annotation file's YAML front matter. */
export const annotationFrontMatterSchema = z.strictObject({
  thread: slug,
  title: z.string().min(1),
  subject: z.string().min(1),
  lists: z.array(z.string().min(1)).min(1),
  dates: z.strictObject({ first: date, last: date }),
  seed: z.string().regex(/^[^/\\]+$/, 'a file name inside the thread folder'),
  participants: z.array(z.string().min(1)).min(1),
  patch: z.strictObject({ subject: z.string().min(1), author: z.string().min(1), date, messageId }),
  outcome: z.strictObject({
    summary: z.string().min(1),
    commits: z.array(
      z.strictObject({
        id: z.string().regex(/^[0-9a-f]{12,40}$/, 'a commit id of 12 to 40 lower-case hex digits'),
        subject: z.string().min(1),
      }),
    ),
  }),
  subsystems: z.array(slug).min(1),
  messages: z
    .array(
      z.strictObject({
        speaker: z.string().min(1),
        date: messageDate,
        depth: z.number().int().min(0),
        messageId,
        // True when the page lost the date and it was inferred (the outer message of a scraped page).
        approximate: z.boolean().default(false),
      }),
    )
    .min(1),
});

/** The parsed front matter of an annotation file. */
export type AnnotationFrontMatter = z.infer<typeof annotationFrontMatterSchema>;
