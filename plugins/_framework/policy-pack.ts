import * as v from "valibot";
import { type CalendarData, calendarDataSchema } from "../../core/kernel/mod.ts";

/**
 * KRN-R12 policy packs. A pack is what a plugin of kind "policy-pack" provides under
 * `PolicyPackPort`: a kernel part (the region, its counties, its working-day calendar) and one
 * object per module id, each checked against that module's `policySchema` at start-up.
 * `counties` carries county overrides: a partial module part merged over the prefecture's.
 */
export interface PolicyPack {
  readonly kernel: KernelPackInput;
  /** Module id → that module's pack part (validated by the module's policySchema). */
  readonly modules: Readonly<Record<string, unknown>>;
  /** County code → module id → partial module part, merged over the prefecture values. */
  readonly counties?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

const code = (what: string) =>
  v.pipe(v.string(), v.regex(/^\d{6}$/, `${what} must be a 6-digit GB/T 2260 code`), v.description(what));

const names = v.pipe(
  v.strictObject({
    zh: v.pipe(v.string(), v.minLength(1), v.description("Chinese name, e.g. 宁德")),
    en: v.pipe(v.string(), v.minLength(1), v.description("English name, e.g. Ningde")),
  }),
  v.description("name in Chinese and English"),
);

const regionMeta = v.pipe(
  v.strictObject({
    code: code("prefecture code"),
    name: names,
    counties: v.pipe(
      v.array(v.strictObject({ code: code("county code"), name: names })),
      v.description("the counties (县、市、区) of the prefecture; county overrides must name one of these"),
    ),
  }),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const prefix = dataset.value.code.slice(0, 4);
    const seen = new Set<string>();
    for (const county of dataset.value.counties) {
      if (!county.code.startsWith(prefix) || county.code === dataset.value.code) {
        addIssue({ message: `county ${county.code} is not inside prefecture ${dataset.value.code}` });
      }
      if (seen.has(county.code)) addIssue({ message: `county ${county.code} is listed twice` });
      seen.add(county.code);
    }
  }),
);

/** The kernel part of every pack. */
export const kernelPackSchema = v.strictObject({
  region: v.pipe(regionMeta, v.description("the prefecture this pack is for and its counties")),
  calendar: v.pipe(
    calendarDataSchema,
    v.description("working-day calendar (KRN-R03): public holidays and 调休 working weekend days, with source"),
  ),
});

/** The kernel part as a pack plugin writes it (checked against `kernelPackSchema`). */
export interface KernelPackInput {
  readonly region: {
    readonly code: string;
    readonly name: { readonly zh: string; readonly en: string };
    readonly counties: readonly {
      readonly code: string;
      readonly name: { readonly zh: string; readonly en: string };
    }[];
  };
  readonly calendar: CalendarData;
}
export type KernelPack = v.InferOutput<typeof kernelPackSchema>;
