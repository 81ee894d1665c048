import { ACCIDENT_FORM_LABELS, ACCIDENT_FORMS, type CaseView, type Liability } from "../../../core/quickclaim/mod.ts";
import type { Lang } from "../../pages/i18n.ts";
import { format } from "../../pages/i18n.ts";
import { OnceField, percent, plateText } from "./page-kit.tsx";
import { qcPath } from "./qc-paths.ts";
import { CIRCUMSTANCE_FIELDS } from "./report-page.tsx";
import { partyText } from "./text-party.ts";
import { staffText } from "./text-staff.ts";

/** What the determination form was filled with, and the rule's suggestion when previewed. */
export interface DetermineValues {
  readonly values: Readonly<Record<string, string>>;
  /** undefined: not previewed; null: the form gives no suggestion. */
  readonly suggestion?: readonly Liability[] | null | undefined;
}

/** Basis points as the percentage an officer types: 7000 → "70", 3333 → "33.33". */
export function bpToPercentInput(bp: number): string {
  const whole = Math.floor(bp / 100);
  const frac = bp % 100;
  return frac === 0 ? String(whole) : `${whole}.${String(frac).padStart(2, "0")}`;
}

/**
 * 在线认定 form (QC-R03): accident form and the vehicle it names, facts, the officer's findings
 * (QC-R01), and an optional override of the rule's split with a reason. "Preview" shows the
 * rule's suggestion without issuing anything.
 */
export function DetermineForm(props: {
  readonly lang: Lang;
  readonly region: string;
  readonly view: CaseView;
  readonly once: string;
  readonly current?: DetermineValues | undefined;
}) {
  const { view, lang } = props;
  const t = staffText(lang);
  const pt = partyText(lang);
  const prior = view.determination;
  const values = props.current?.values ?? {};
  const v = (name: string, fallback: string) => values[name] ?? fallback;
  const form = v("form", prior?.form ?? "rear_end");
  const fault = v("faultPartyId", prior?.faultPartyId ?? "");
  const overrideOn = v("override", prior?.overrideReason ? "on" : "") === "on";
  const decisionShare = (id: string) => prior?.decision.find((l) => l.partyId === id)?.shareBp;
  const suggestion = props.current?.suggestion;
  const flag = (name: keyof CaseView["circumstances"]) =>
    values[name] !== undefined ? values[name] === "on" : view.circumstances[name];
  return (
    <form
      method="post"
      action={qcPath.policeAction(props.region, view.id, "determine")}
      class="card"
      data-testid="determine-form"
    >
      <OnceField value={props.once} />
      <h2>{t.determineTitle}</h2>
      <label for="form">{t.form}</label>
      <select id="form" name="form" required>
        {ACCIDENT_FORMS.map((f) => (
          <option value={f} selected={f === form}>
            {ACCIDENT_FORM_LABELS[f][lang]}
          </option>
        ))}
      </select>
      <label for="faultPartyId">{t.faultParty}</label>
      <select id="faultPartyId" name="faultPartyId">
        <option value="" selected={fault === ""}>
          {t.faultNone}
        </option>
        {view.parties.map((p) => (
          <option value={p.id} selected={fault === p.id}>
            {p.id} · {plateText(p.plate)}
          </option>
        ))}
      </select>
      <label for="facts">{t.facts}</label>
      <textarea id="facts" name="facts" maxlength={2000} required>
        {v("facts", view.letter?.facts ?? "")}
      </textarea>
      <fieldset>
        <legend>{t.findings}</legend>
        {CIRCUMSTANCE_FIELDS.map(([name, key]) => (
          <label class="qc-check">
            <input type="checkbox" name={name} checked={flag(name)} />
            <span>{pt[key]}</span>
          </label>
        ))}
      </fieldset>
      {suggestion !== undefined ? (
        <div class="notice" data-testid="suggestion">
          <strong>{t.suggestion}</strong>：
          {suggestion === null
            ? t.suggestionNone
            : suggestion.map((l) => `${l.partyId} ${percent(l.shareBp)}`).join("，")}
        </div>
      ) : null}
      <fieldset>
        <legend>{t.overrideTitle}</legend>
        <label class="qc-check">
          <input type="checkbox" name="override" checked={overrideOn} />
          <span>{t.override}</span>
        </label>
        <div class="qc-row">
          {view.parties.map((p) => {
            const bp = decisionShare(p.id);
            return (
              <div>
                <label for={`share_${p.id}`}>{format(t.overrideShare, { id: p.id })}</label>
                <input
                  id={`share_${p.id}`}
                  name={`share_${p.id}`}
                  inputmode="decimal"
                  value={v(`share_${p.id}`, bp === undefined ? "" : bpToPercentInput(bp))}
                />
              </div>
            );
          })}
        </div>
        <label for="overrideReason">{t.overrideReason}</label>
        <input
          id="overrideReason"
          name="overrideReason"
          maxlength={500}
          value={v("overrideReason", prior?.overrideReason ?? "")}
        />
      </fieldset>
      <button
        class="btn qc-btn-2"
        type="submit"
        formaction={qcPath.policeAction(props.region, view.id, "preview")}
        data-testid="preview"
      >
        {t.preview}
      </button>{" "}
      <button class="btn" type="submit" data-testid="issue">
        {view.letter ? t.reissue : t.issue}
      </button>
    </form>
  );
}
