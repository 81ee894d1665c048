import { raw } from "hono/html";
import { ACCIDENT_FORM_LABELS, type CaseView, type QuickClaimPolicy } from "../../../core/quickclaim/mod.ts";
import { format } from "../../pages/i18n.ts";
import type { PageContext } from "../../pages/layout.tsx";
import { beijingTime, Facts, QcPage } from "./page-kit.tsx";
import { qcPath } from "./qc-paths.ts";
import { DecisionTable, SignatureList } from "./sign-section.tsx";
import { commonText } from "./text-common.ts";
import { staffText } from "./text-staff.ts";

/**
 * 电子认定书 as a printable page (QC-R03/R04): number and version, time and place, parties and
 * drivers, facts, accident form, suggestion and decision, officer, issue time, the content hash
 * the parties sign, the signatures, and a QR code back to this page for checking a print-out.
 */
export function LetterPage(props: {
  readonly page: PageContext;
  readonly region: string;
  readonly view: CaseView;
  readonly policy: QuickClaimPolicy;
  readonly qrSvg: string;
  readonly url: string;
}) {
  const { page, view } = props;
  const lang = page.lang;
  const t = staffText(lang);
  const q = commonText(lang);
  const letter = view.letter;
  if (!letter) return null;
  const centre = props.policy.serviceCentres.find((sc) => sc.id === view.centreId);
  return (
    <QcPage page={page} title={`${q.letter} ${letter.number}`} printable>
      <p class="qc-noprint">
        <a href={qcPath.case(props.region, view.id)}>{q.back}</a>{" "}
        <button type="button" class="btn qc-btn-2" data-print="1">
          {t.printLetter}
        </button>
      </p>
      <article class="qc-letter" data-testid="letter" data-hash={letter.contentHash} data-version={letter.version}>
        <h1>{t.letterTitle}</h1>
        <p class="qc-no" data-testid="letter-number">
          {letter.number}（{format(t.version, { n: letter.version })}）
        </p>
        <Facts
          rows={[
            [q.caseNo, view.id],
            [q.accidentAt, beijingTime(letter.accidentAt)],
            [q.place, letter.address],
            [q.centre, centre ? centre.name[lang] : view.centreId],
            [t.form, ACCIDENT_FORM_LABELS[letter.form][lang]],
          ]}
        />
        <h2>{t.facts}</h2>
        <p data-testid="letter-facts">{letter.facts}</p>
        <h2>{t.decision}</h2>
        <DecisionTable lang={lang} letter={letter} />
        {letter.overrideReason ? (
          <p data-testid="override-reason">{format(t.overrideNote, { reason: letter.overrideReason })}</p>
        ) : null}
        <Facts
          rows={[
            [t.officer, `${letter.officer.name}（${letter.officer.badgeNo}）`],
            ["", letter.officer.unit],
            [t.issuedAt, beijingTime(letter.issuedAt)],
          ]}
        />
        <h2>{t.signatures}</h2>
        <SignatureList lang={lang} view={view} />
        <div class="qc-share">
          <div class="qc-qr" role="img" aria-label={props.url}>
            {raw(props.qrSvg)}
          </div>
          <p class="hint">
            {t.contentHash}
            <br />
            <span class="qc-hash" data-testid="letter-hash">
              {letter.contentHash}
            </span>
          </p>
        </div>
      </article>
    </QcPage>
  );
}
