import { SHARING_PARTIES, type SharingAgreement, type SharingParty } from "../../../core/factors/mod.ts";
import type { Fen } from "../../../core/kernel/mod.ts";
import type { PageContext } from "../../pages/layout.tsx";
import { pct } from "./format.ts";
import { Money } from "./page-kit.tsx";
import { lendingText } from "./text-lending.ts";

/**
 * FAC-R09 the 政银保担 split: each party's agreed share and, once allocated, what it pays to the
 * fen, with the total (which always equals the loss).
 */
export function SharingTable(props: {
  readonly lang: PageContext["lang"];
  readonly agreement: SharingAgreement;
  readonly parts?: Readonly<Record<SharingParty, Fen>>;
  readonly loss?: Fen;
  readonly names?: Readonly<Partial<Record<SharingParty, string>>>;
}) {
  const t = lendingText(props.lang);
  const { parts } = props;
  return (
    <div class="fx-scroll">
      <table class="fx-table" data-testid={parts ? "loss-parts" : "sharing"}>
        <thead>
          <tr>
            <th>{t.party}</th>
            <th class="num">{t.share}</th>
            {parts ? <th class="num">{t.part}</th> : null}
          </tr>
        </thead>
        <tbody>
          {SHARING_PARTIES.map((party) => (
            <tr data-party={party}>
              <td>
                {t[`party_${party}`]}
                {props.names?.[party] ? <span class="hint"> · {props.names[party]}</span> : null}
              </td>
              <td class="num">{pct(props.agreement.sharesBp[party])}</td>
              {parts ? (
                <td class="num" data-fen={parts[party]}>
                  <Money fen={parts[party]} lang={props.lang} />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
        {parts && props.loss !== undefined ? (
          <tfoot>
            <tr>
              <td>{t.total}</td>
              <td class="num">100%</td>
              <td class="num" data-fen={props.loss}>
                <Money fen={props.loss} lang={props.lang} />
              </td>
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}
