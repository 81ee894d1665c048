import type { Principal } from "../../../core/kernel/mod.ts";
import type { CreditDataRecord, PushView } from "../../../core/marketplace/mod.ts";
import { format } from "../../pages/i18n.ts";
import type { PageContext } from "../../pages/layout.tsx";
import { beijingDeadline, beijingTime } from "./formatting.ts";
import { mkPath } from "./mk-paths.ts";
import { Facts, MkPage, Period } from "./page-kit.tsx";
import { applicationText } from "./text-application.ts";

/** What was pushed under one consent, for the recipient institution (MKT-R09) or the subject. */
export function PushDataPage(props: {
  readonly page: PageContext;
  readonly region: string;
  readonly principal: Principal;
  readonly simulated: boolean;
  readonly push: PushView;
  readonly records: readonly CreditDataRecord[];
  readonly categoryName: (code: string) => string;
}) {
  const { page, push } = props;
  const t = applicationText(page.lang);
  const title = format(t.dataTitle, { id: push.id });
  return (
    <MkPage page={page} title={title} region={props.region} principal={props.principal} simulated={props.simulated}>
      {push.applicationId ? (
        <p>
          <a href={mkPath.application(props.region, push.applicationId)}>← {push.applicationId}</a>
        </p>
      ) : null}
      <h1>{title}</h1>
      <p class="hint">{t.dataLead}</p>
      <section class="mk-section">
        <Facts
          rows={[
            [t.pushedAt, beijingTime(push.pushedAt)],
            [t.categories, push.categories.map(props.categoryName).join("、")],
            [t.period, <Period period={push.dataPeriod} />],
            [t.retainUntil, beijingDeadline(push.retainUntil)],
            [t.contentHash, <span class="mk-code">{push.contentHash}</span>],
          ]}
        />
      </section>
      <section class="mk-section">
        <div class="mk-scroll">
          <table class="mk-table" data-testid="pushed-records">
            <thead>
              <tr>
                <th>{t.categories}</th>
                <th>{t.observedOn}</th>
                <th>{t.fields}</th>
              </tr>
            </thead>
            <tbody>
              {props.records.map((r) => (
                <tr>
                  <td>{props.categoryName(r.category)}</td>
                  <td>{r.observedOn}</td>
                  <td>
                    {Object.entries(r.fields)
                      .map(([k, v]) => `${k}: ${v === null ? "—" : String(v)}`)
                      .join("; ")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </MkPage>
  );
}
