import * as v from "valibot";
import { datedParam } from "../kernel/mod.ts";
import { bilingualName } from "./policy-schemas.ts";

const institutionId = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9][a-z0-9._:-]{1,63}$/, "an institution id is 2–64 lower-case letters, digits, . _ : -"),
);

/** A county's asset collection-storage company (资产收储公司), FAC-R08. */
export const collectionCompanySchema = v.pipe(
  v.object({
    institutionId: v.pipe(institutionId, v.description("institution id of the company on the platform")),
    name: bilingualName,
  }),
  v.description("the county's asset collection-storage company"),
);

/** The department a county names to confirm a non-standard (无证) type, FAC-R01. */
export const confirmingDepartmentSchema = v.pipe(
  v.object({
    departmentId: v.pipe(
      institutionId,
      v.description("id the registry adapter routes on, e.g. fuan-agri (福安市农业农村局)"),
    ),
    name: bilingualName,
  }),
  v.description("the county department that confirms a non-standard (无证) asset type"),
);

/** What differs per county in the factors module (each of Ningde's 9 counties writes its own rules). */
export const countyPolicySchema = v.pipe(
  v.object({
    name: bilingualName,
    collectionCompany: datedParam(
      v.nullable(collectionCompanySchema),
      "FAC-R08 the county's collection company; null while the county has none (listing and auction only)",
    ),
    confirmingDepartments: v.pipe(
      v.record(
        v.pipe(v.string(), v.regex(/^[ARIL]\d{2}$/, "a factor type code such as A02")),
        datedParam(confirmingDepartmentSchema),
      ),
      v.description("FAC-R01 non-standard (无证) types and the department that confirms each, by type code"),
    ),
  }),
  v.description("county-level factors policy"),
);

export type CountyPolicy = v.InferOutput<typeof countyPolicySchema>;
export type CollectionCompanyRef = v.InferOutput<typeof collectionCompanySchema>;
export type ConfirmingDepartment = v.InferOutput<typeof confirmingDepartmentSchema>;
