import { type LoanDetail, SHARING_PARTIES } from "../../../core/factors/mod.ts";
import type { PageContext } from "../../pages/layout.tsx";
import { yuan } from "./format.ts";
import { Money } from "./page-kit.tsx";
import { SharingTable } from "./sharing-table.tsx";
import { StackedBar } from "./svg-charts.tsx";
import { lendingText } from "./text-lending.ts";

/** FAC-R09 who pays what of a defaulted loan's loss, to the fen, and the agreement behind it. */
export function LossView(props: {
  readonly lang: PageContext["lang"];
  readonly detail: LoanDetail;
  readonly names: Readonly<Record<"bank" | "guarantor" | "insurer", string>>;
}) {
  const t = lendingText(props.lang);
  const { loan, loss } = props.detail;
  return (
    <section class="card" id="loss" data-testid="loss">
      <h2>{t.lossTitle}</h2>
      <p class="sub">{t.lossHint}</p>
      {loss ? (
        <>
          <p>
            {t.loss}：
            <strong class="fx-big" data-testid="loss-total" data-fen={loss.loss}>
              <Money fen={loss.loss} lang={props.lang} />
            </strong>
          </p>
          <StackedBar
            id="loss-chart"
            title={t.lossChart}
            parts={SHARING_PARTIES.map((party) => ({
              key: party,
              label: t[`party_${party}`],
              value: loss.parts[party],
              text: yuan(loss.parts[party]),
            }))}
          />
          <SharingTable
            lang={props.lang}
            agreement={loan.sharing}
            parts={loss.parts}
            loss={loss.loss}
            names={props.names}
          />
        </>
      ) : (
        <SharingTable lang={props.lang} agreement={loan.sharing} names={props.names} />
      )}
    </section>
  );
}
