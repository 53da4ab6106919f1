/**
 * @module eval/schemas
 * What the scorer accepts, checked with zod so that a malformed line is reported by file, line
 * and field instead of being scored as something it is not. Predictions are read loosely: only
 * the fields the scorer looks at are checked, and all of them may be missing.
 */
import { z } from "zod";

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A YYYY-MM-DD that names a real day. */
export const IsoDay = z.string().refine((s) => ISO_DAY.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
  message: "expected a real date YYYY-MM-DD",
});

const GoldCasualties = z.object({ best: z.number().int().nonnegative() }).nullish();

const GoldLiteEvent = z.object({
  type: z.string().nullish(),
  subType: z.string().nullish(),
  date: z.object({ start: IsoDay.nullish(), end: IsoDay }).nullish(),
  location: z
    .object({ country: z.string().nullish(), admin1: z.string().nullish(), names: z.array(z.string()).nullish() })
    .nullish(),
  actors: z.array(z.object({ role: z.enum(["actor1", "actor2"]).nullish(), match: z.array(z.string()) })).nullish(),
  fatalities: GoldCasualties,
  injuries: GoldCasualties,
  optional: z.boolean().nullish(),
});

export const GoldLiteLine = z.object({
  id: z.union([z.string().min(1), z.number()]).transform(String),
  dataset: z.string().nullish(),
  text: z.string().min(1),
  published: IsoDay.nullish(),
  title: z.string().nullish(),
  gold: z.object({
    relevant: z.boolean(),
    events: z.array(GoldLiteEvent),
    labels: z.object({ case_label: z.string().optional() }).passthrough().nullish(),
  }),
});
export type GoldLiteLine = z.infer<typeof GoldLiteLine>;
export type GoldLiteEvent = z.infer<typeof GoldLiteEvent>;

const SpanText = z.object({ text: z.string() }).optional();
const Casualties = z.object({ best: z.number() }).nullish();
const SourceSchema = z.object({ name: z.string().optional(), organization: z.string().optional(), role: z.string().optional() });
const Range = z.object({ start: IsoDay, end: IsoDay });

/** `expected.json`: a full v1 extraction, of which the scorer reads these fields. */
export const Expected = z.object({
  article: z.object({ id: z.string().optional(), published: IsoDay.nullish(), source: z.string().nullish(), title: z.string().nullish() }).optional(),
  events: z.array(
    z.object({
      type: z.string(),
      subType: z.string(),
      date: Range,
      actors: z.array(z.object({ role: z.string(), name: z.string(), mention: SpanText })),
      location: z
        .object({ name: z.string(), admin1: z.string().optional(), admin2: z.string().optional(), country: z.string() })
        .nullable(),
      fatalities: Casualties,
      injuries: Casualties,
      sources: z.array(SourceSchema).optional(),
    }),
  ),
  tallies: z
    .array(
      z.object({
        period: Range,
        area: z.object({ country: z.string().optional() }),
        count: z.number().optional(),
        fatalities: Casualties,
        injuries: Casualties,
      }),
    )
    .optional(),
  statements: z.array(z.object({ kind: z.string(), speaker: SourceSchema })).optional(),
  agreements: z
    .array(z.object({ name: z.string(), parties: z.array(z.string()), commitments: z.array(z.object({ kind: z.string() })) }))
    .optional(),
});
export type Expected = z.infer<typeof Expected>;

export const Meta = z.object({
  published: IsoDay.nullish(),
  source: z.string().nullish(),
  title: z.string().nullish(),
});

const PredRange = z.object({ start: z.string().optional(), end: z.string().optional() });

/** One saved extraction (a line of `truce extract --jsonl` output). */
export const Prediction = z.object({
  article: z.object({ id: z.union([z.string().min(1), z.number()]).transform(String) }),
  events: z
    .array(
      z.object({
        type: z.string().optional(),
        subType: z.string().optional(),
        date: PredRange.nullish(),
        actors: z.array(z.object({ role: z.string().optional(), name: z.string().optional(), mention: SpanText })).optional(),
        location: z
          .object({ name: z.string().optional(), admin1: z.string().optional(), admin2: z.string().optional(), country: z.string().optional() })
          .nullish(),
        fatalities: z.object({ best: z.number().optional() }).nullish(),
        injuries: z.object({ best: z.number().optional() }).nullish(),
        sources: z.array(SourceSchema).optional(),
        confidence: z.number().optional(),
      }),
    )
    .optional(),
  tallies: z
    .array(
      z.object({
        period: PredRange.optional(),
        area: z.object({ country: z.string().optional() }).optional(),
        count: z.number().optional(),
        fatalities: z.object({ best: z.number().optional() }).nullish(),
        injuries: z.object({ best: z.number().optional() }).nullish(),
      }),
    )
    .optional(),
  statements: z.array(z.object({ kind: z.string().optional(), speaker: SourceSchema.optional() })).optional(),
  agreements: z
    .array(
      z.object({
        name: z.string().optional(),
        parties: z.array(z.string()).optional(),
        commitments: z.array(z.object({ kind: z.string().optional() })).optional(),
      }),
    )
    .optional(),
});

/** "events.2.date.end: expected a real date YYYY-MM-DD": the first thing zod found wrong. */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "invalid";
  const path = issue.path.map(String).join(".");
  return path ? `${path}: ${issue.message}` : issue.message;
}
