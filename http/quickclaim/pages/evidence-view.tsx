import type { CaseView, Circumstances, PhotoSlot, QuickClaimPolicy } from "../../../core/quickclaim/mod.ts";
import type { Lang } from "../../pages/i18n.ts";
import { format } from "../../pages/i18n.ts";
import { beijingTime, flagText, plateText } from "./page-kit.tsx";
import { insurerName } from "./payout-view.tsx";
import { qcPath } from "./qc-paths.ts";
import { CIRCUMSTANCE_FIELDS } from "./report-page.tsx";
import { commonText } from "./text-common.ts";
import { partyText } from "./text-party.ts";
import { staffText } from "./text-staff.ts";

/** The guided photos with capture time and QC-R02 flags, for the officer and the adjuster. */
export function PhotoGallery(props: {
  readonly lang: Lang;
  readonly region: string;
  readonly view: CaseView;
  readonly slots: readonly PhotoSlot[];
}) {
  const { view, lang } = props;
  const t = staffText(lang);
  const q = commonText(lang);
  return (
    <div class="qc-slots" data-testid="gallery">
      {props.slots.map((slot) => {
        const photo = view.photos.find((p) => p.slot === slot.id);
        return (
          <div class={photo ? "qc-slot ok" : "qc-slot"} data-slot={slot.id}>
            <h3>{slot.label[lang]}</h3>
            {photo ? (
              <>
                <a href={qcPath.photo(props.region, view.id, photo.id)}>
                  <img class="qc-thumb" src={qcPath.photo(props.region, view.id, photo.id)} alt={slot.label[lang]} />
                </a>
                <p class="hint">{format(t.capturedAt, { at: beijingTime(photo.capturedAt) })}</p>
                {photo.flags.map((f) => (
                  <span class="qc-flag" data-flag={f.code}>
                    {flagText(q, f)}
                  </span>
                ))}
              </>
            ) : (
              <p class="hint">{t.photoMissing}</p>
            )}
          </div>
        );
      })}
    </div>
  );
}

/** Every party's five items (C2 numbers masked by getCase for staff). */
export function PartyItemsTable(props: {
  readonly lang: Lang;
  readonly view: CaseView;
  readonly policy: QuickClaimPolicy;
}) {
  const t = partyText(props.lang);
  const q = commonText(props.lang);
  return (
    <div class="qc-scroll">
      <table class="qc-table" data-testid="party-items">
        <thead>
          <tr>
            <th>{q.parties}</th>
            <th>{t.driverName}</th>
            <th>{t.driverLicenceNo}</th>
            <th>{t.vehicleLicenceNo}</th>
            <th>{t.insurer}</th>
            <th>{t.compulsoryPolicyNo}</th>
            <th>{t.mobile}</th>
          </tr>
        </thead>
        <tbody>
          {props.view.parties.map((p) => (
            <tr data-party={p.id}>
              <td class="qc-nowrap">
                {p.id} · {plateText(p.plate)}
              </td>
              {p.items ? (
                <>
                  <td>{p.items.driverName}</td>
                  <td>{p.items.driverLicenceNo}</td>
                  <td>{p.items.vehicleLicenceNo}</td>
                  <td>{insurerName(props.policy, p.items.insurerId, props.lang)}</td>
                  <td>
                    {p.items.compulsoryPolicyNo}
                    {p.items.commercialPolicyNo ? ` / ${p.items.commercialPolicyNo}` : ""}
                  </td>
                  <td>{p.items.mobile}</td>
                </>
              ) : (
                <td colspan={6}>{t.itemsMissing}</td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** What was reported about the accident (QC-R01 exclusions), as yes/no. */
export function CircumstanceList(props: { readonly lang: Lang; readonly circumstances: Circumstances }) {
  const t = partyText(props.lang);
  const q = commonText(props.lang);
  return (
    <ul class="qc-queue qc-circ" data-testid="circumstances">
      {CIRCUMSTANCE_FIELDS.map(([k, label]) => (
        <li>
          {t[label]}：<strong>{props.circumstances[k] ? q.yes : q.no}</strong>
        </li>
      ))}
    </ul>
  );
}
