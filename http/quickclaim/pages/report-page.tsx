import type { Circumstances } from "../../../core/quickclaim/mod.ts";
import type { PageContext } from "../../pages/layout.tsx";
import type { PageProblem } from "./page-errors.ts";
import { OnceField, ProblemBox, QcPage } from "./page-kit.tsx";
import { qcPath } from "./qc-paths.ts";
import { partyText } from "./text-party.ts";

/** What the report form was filled with (kept when the form comes back with a problem). */
export type ReportValues = Readonly<Record<string, string>>;

export const CIRCUMSTANCE_FIELDS = [
  ["anyoneInjured", "injured"],
  ["deathOrSeriousInjury", "serious"],
  ["vehiclesMovable", "movable"],
  ["suspectedDrinkDriving", "drink"],
  ["suspectedUnlicensedDriving", "unlicensed"],
  ["suspectedHitAndRun", "hitAndRun"],
] as const satisfies readonly (readonly [keyof Circumstances, string])[];

function VehicleFields(props: {
  readonly idx: number;
  readonly legend: string;
  readonly mobileLabel: string;
  readonly plateLabel: string;
  readonly values: ReportValues;
  readonly required: boolean;
}) {
  const { idx, values } = props;
  return (
    <fieldset class="qc-vehicle">
      <legend>{props.legend}</legend>
      <div class="qc-row">
        <div>
          <label for={`plate${idx}`}>{props.plateLabel}</label>
          <input
            id={`plate${idx}`}
            name={`plate${idx}`}
            autocomplete="off"
            placeholder="闽J·12345"
            maxlength={12}
            required={props.required}
            value={values[`plate${idx}`] ?? ""}
          />
        </div>
        <div>
          <label for={`mobile${idx}`}>{props.mobileLabel}</label>
          <input
            id={`mobile${idx}`}
            name={`mobile${idx}`}
            type="tel"
            inputmode="numeric"
            maxlength={11}
            required={props.required}
            value={values[`mobile${idx}`] ?? ""}
          />
        </div>
      </div>
    </fieldset>
  );
}

/** 一次关注 report: time, place (address + point), vehicles with mobiles, circumstances (QC-R01). */
export function ReportPage(props: {
  readonly page: PageContext;
  readonly region: string;
  readonly counties: readonly { readonly code: string; readonly name: string }[];
  readonly values: ReportValues;
  readonly once: string;
  readonly asHelper: boolean;
  readonly problem?: PageProblem | undefined;
}) {
  const { page, values } = props;
  const t = partyText(page.lang);
  const plate = page.lang === "zh" ? "车牌号" : "Plate";
  const checked = (name: string, byDefault: boolean) =>
    values[name] === undefined ? byDefault : values[name] === "on";
  return (
    <QcPage page={page} title={t.reportTitle}>
      <h1>{t.reportTitle}</h1>
      <p class="hint">{t.reportLead}</p>
      <ProblemBox lang={page.lang} problem={props.problem} />
      <form method="post" action={qcPath.report(props.region)} class="card" data-geo="1" data-testid="report-form">
        <OnceField value={props.once} />
        <label for="regionCode">{t.county}</label>
        <select id="regionCode" name="regionCode" required>
          {props.counties.map((c) => (
            <option value={c.code} selected={values.regionCode === c.code}>
              {c.name}
            </option>
          ))}
        </select>
        <label for="accidentAt">{t.accidentAt}</label>
        <input id="accidentAt" name="accidentAt" type="datetime-local" required value={values.accidentAt ?? ""} />
        <label for="address">{t.address}</label>
        <input id="address" name="address" maxlength={200} required value={values.address ?? ""} />
        <label for="lat">{t.position}</label>
        <div class="qc-row">
          <input
            id="lat"
            name="lat"
            aria-label={t.lat}
            placeholder={t.lat}
            inputmode="decimal"
            required
            value={values.lat ?? ""}
          />
          <input
            id="lng"
            name="lng"
            aria-label={t.lng}
            placeholder={t.lng}
            inputmode="decimal"
            required
            value={values.lng ?? ""}
          />
        </div>
        <p class="hint" data-geo-status="1" data-wait={t.locating} data-ok={t.located} data-fail={t.locateFailed} />
        <button type="button" class="btn qc-btn-2" data-geo-button="1">
          {t.locate}
        </button>
        <VehicleFields
          idx={0}
          legend={props.asHelper ? "A" : t.myVehicle}
          plateLabel={plate}
          mobileLabel={props.asHelper ? t.mobile : t.mobileMine}
          values={values}
          required
        />
        <VehicleFields
          idx={1}
          legend={t.otherVehicle}
          plateLabel={plate}
          mobileLabel={t.mobile}
          values={values}
          required
        />
        <details open={Boolean(values.plate2 || values.mobile2)}>
          <summary>{t.thirdVehicle}</summary>
          <VehicleFields
            idx={2}
            legend={t.thirdVehicle}
            plateLabel={plate}
            mobileLabel={t.mobile}
            values={values}
            required={false}
          />
        </details>
        {CIRCUMSTANCE_FIELDS.map(([name, key]) => (
          <label class="qc-check">
            <input type="checkbox" name={name} checked={checked(name, name === "vehiclesMovable")} />
            <span>{t[key]}</span>
          </label>
        ))}
        <button class="btn" type="submit">
          {t.submitReport}
        </button>
      </form>
    </QcPage>
  );
}
