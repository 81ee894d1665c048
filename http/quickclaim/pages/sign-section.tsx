import {
  ACCIDENT_FORM_LABELS,
  type CaseView,
  currentSignatures,
  type DeterminationLetter,
  type Signature,
} from "../../../core/quickclaim/mod.ts";
import type { Lang } from "../../pages/i18n.ts";
import { format } from "../../pages/i18n.ts";
import { beijingTime, Facts, OnceField, percent, plateText } from "./page-kit.tsx";
import { qcPath } from "./qc-paths.ts";
import { partyText } from "./text-party.ts";
import { staffText } from "./text-staff.ts";

/** The letter's decision as a table: party, plate, suggested and decided share. */
export function DecisionTable(props: { readonly lang: Lang; readonly letter: DeterminationLetter }) {
  const { letter } = props;
  const t = staffText(props.lang);
  return (
    <div class="qc-scroll">
      <table class="qc-table" data-testid="decision">
        <thead>
          <tr>
            <th>{t.letterParties}</th>
            <th class="num">{t.suggestion}</th>
            <th class="num">{t.decision}</th>
          </tr>
        </thead>
        <tbody>
          {letter.parties.map((p) => {
            const suggested = letter.suggestion?.find((l) => l.partyId === p.partyId)?.shareBp ?? null;
            const decided = letter.decision.find((l) => l.partyId === p.partyId)?.shareBp ?? null;
            return (
              <tr data-party={p.partyId}>
                <td>
                  {p.partyId} · {plateText(p.plate)} · {p.driverName}
                </td>
                <td class="num">{percent(suggested)}</td>
                <td class="num" data-share={decided ?? ""}>
                  <strong>{percent(decided)}</strong>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The letter in short: number and version, form, facts, decision, officer, time, fingerprint. */
export function LetterSummary(props: { readonly lang: Lang; readonly letter: DeterminationLetter }) {
  const { letter, lang } = props;
  const t = staffText(lang);
  return (
    <div data-testid="letter-summary" data-hash={letter.contentHash}>
      <Facts
        rows={[
          [t.letterNo, `${letter.number}（${format(t.version, { n: letter.version })}）`],
          [t.form, ACCIDENT_FORM_LABELS[letter.form][lang]],
          [t.facts, letter.facts],
          [t.officer, `${letter.officer.name} · ${letter.officer.badgeNo} · ${letter.officer.unit}`],
          [t.issuedAt, beijingTime(letter.issuedAt)],
        ]}
      />
      <DecisionTable lang={lang} letter={letter} />
      {letter.overrideReason ? <p class="hint">{format(t.overrideNote, { reason: letter.overrideReason })}</p> : null}
      <p class="hint">
        {t.contentHash}：<span class="qc-hash">{letter.contentHash}</span>
      </p>
    </div>
  );
}

/** Who signed the letter in force, and how. */
export function SignatureList(props: {
  readonly lang: Lang;
  readonly view: Pick<CaseView, "parties" | "signatures" | "letter">;
}) {
  const t = staffText(props.lang);
  const letter = props.view.letter;
  if (!letter) return null;
  const current = currentSignatures(props.view.signatures, letter.contentHash);
  const of = (id: string): Signature | undefined => current.find((s) => s.partyId === id);
  return (
    <ul class="qc-queue" data-testid="signatures">
      {props.view.parties.map((p) => {
        const s = of(p.id);
        return (
          <li data-party={p.id} data-signed={s?.decision ?? "none"}>
            {p.id} · {plateText(p.plate)} ·{" "}
            {s === undefined
              ? t.notSigned
              : s.decision === "agree"
                ? format(t.signedAgree, { at: beijingTime(s.at) })
                : format(t.signedDispute, { at: beijingTime(s.at), reason: s.disputeReason ?? "" })}
          </li>
        );
      })}
    </ul>
  );
}

/** Step 2 签名: the letter, and the party's agree / dispute forms (or who is still to sign). */
export function SignSection(props: {
  readonly lang: Lang;
  readonly region: string;
  readonly view: CaseView;
  readonly once: () => string;
}) {
  const { view, lang } = props;
  const t = partyText(lang);
  const letter = view.letter;
  if (!letter) return null;
  const current = currentSignatures(view.signatures, letter.contentHash);
  const mine = view.myPartyId ? current.find((s) => s.partyId === view.myPartyId) : undefined;
  const waiting = view.parties.filter((p) => !current.some((s) => s.partyId === p.id)).map((p) => p.id);
  const action = qcPath.caseAction(props.region, view.id, "sign");
  return (
    <section class="card" data-testid="sign">
      <h2>{t.signTitle}</h2>
      <p class="hint">{t.signLead}</p>
      <LetterSummary lang={lang} letter={letter} />
      <p>
        <a href={qcPath.letter(props.region, view.id)} data-testid="letter-link">
          {t.readLetter}
        </a>
      </p>
      <SignatureList lang={lang} view={view} />
      {view.myPartyId === null ? null : mine ? (
        <p class="notice" data-testid="signed">
          {format(t.signed, { parties: waiting.join("、") })}
        </p>
      ) : (
        <>
          <form method="post" action={action} data-testid="agree-form">
            <OnceField value={props.once()} />
            <input type="hidden" name="letterHash" value={letter.contentHash} />
            <input type="hidden" name="decision" value="agree" />
            <label class="qc-check">
              <input type="checkbox" name="mutualConsent" />
              <span>{t.mutualConsent}</span>
            </label>
            <button class="btn" type="submit">
              {t.agree}
            </button>
          </form>
          <details>
            <summary>{t.dispute}</summary>
            <form method="post" action={action} data-testid="dispute-form">
              <OnceField value={props.once()} />
              <input type="hidden" name="letterHash" value={letter.contentHash} />
              <input type="hidden" name="decision" value="dispute" />
              <label for="disputeReason">{t.disputeReason}</label>
              <textarea id="disputeReason" name="disputeReason" maxlength={500} required />
              <button class="btn qc-danger" type="submit">
                {t.dispute}
              </button>
            </form>
          </details>
        </>
      )}
    </section>
  );
}
