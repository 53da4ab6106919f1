/** Test helpers: validate an extraction against the shipped JSON Schema and check every span. */
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import type { Extraction } from "../contract.js";

const schema = JSON.parse(readFileSync(new URL("../../schema/extraction-v1.schema.json", import.meta.url), "utf8")) as object;
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

/** Schema errors as readable lines; empty when valid. */
export function schemaErrors(x: unknown): string[] {
  if (validate(x)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ""}`);
}

/** Every {start, end, text} object anywhere in the extraction that does not match the article. */
export function badSpans(x: Extraction, text: string): string[] {
  const bad: string[] = [];
  const visit = (v: unknown, path: string): void => {
    if (Array.isArray(v)) v.forEach((item, i) => visit(item, `${path}[${i}]`));
    else if (v && typeof v === "object") {
      const o = v as Record<string, unknown>;
      if (typeof o.start === "number" && typeof o.end === "number" && typeof o.text === "string") {
        if (!(o.start >= 0 && o.end >= o.start && o.end <= text.length && text.slice(o.start, o.end) === o.text)) bad.push(`${path}: ${JSON.stringify(o)}`);
      }
      for (const [k, child] of Object.entries(o)) visit(child, `${path}.${k}`);
    }
  };
  visit(x, "$");
  return bad;
}
