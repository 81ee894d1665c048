import type { CaseView, Party, PhotoSlot, QuickClaimPolicy } from "../../../core/quickclaim/mod.ts";
import type { Lang } from "../../pages/i18n.ts";
import { format } from "../../pages/i18n.ts";
import { flagText, OnceField, plateText } from "./page-kit.tsx";
import { qcPath } from "./qc-paths.ts";
import { commonText } from "./text-common.ts";
import { partyText } from "./text-party.ts";

export interface EvidenceProps {
  readonly lang: Lang;
  readonly region: string;
  readonly view: CaseView;
  readonly slots: readonly PhotoSlot[];
  readonly policy: QuickClaimPolicy;
  /** QC-R02 photo types the pack accepts (the file picker's filter). */
  readonly photoTypes: readonly string[];
  readonly once: () => string;
  /** Beijing local time for the capture-time field when the script cannot read the file's time. */
  readonly nowLocal: string;
  /** The items form that came back with a problem: its party and values. */
  readonly itemValues?: { readonly partyId: string; readonly values: Readonly<Record<string, string>> } | undefined;
}

function PhotoSlotCard(props: EvidenceProps & { readonly slot: PhotoSlot }) {
  const { view, slot, lang } = props;
  const t = partyText(lang);
  const q = commonText(lang);
  const photo = view.photos.find((p) => p.slot === slot.id);
  return (
    <div class={photo ? "qc-slot ok" : "qc-slot"} data-slot={slot.id} data-testid={`slot-${slot.id}`}>
      <h3>
        {slot.label[lang]} {photo ? <span class="qc-badge qc-s-paid">{t.uploaded}</span> : null}
      </h3>
      {photo ? (
        <>
          <img class="qc-thumb" src={qcPath.photo(props.region, view.id, photo.id)} alt={slot.label[lang]} />
          {photo.flags.map((f) => (
            <span class="qc-flag">{flagText(q, f)}</span>
          ))}
        </>
      ) : null}
      <form
        method="post"
        action={qcPath.caseAction(props.region, view.id, "photos")}
        enctype="multipart/form-data"
        data-geo="1"
      >
        <OnceField value={props.once()} />
        <input type="hidden" name="slot" value={slot.id} />
        <label for={`photo-${slot.id}`}>{t.photoFile}</label>
        <input
          id={`photo-${slot.id}`}
          name="photo"
          type="file"
          accept={props.photoTypes.join(",")}
          capture="environment"
          data-capture="1"
          required
        />
        <details>
          <summary class="hint">{t.capturedAt}</summary>
          <input name="capturedAt" type="datetime-local" aria-label={t.capturedAt} value={props.nowLocal} />
          <div class="qc-row">
            <input name="lat" aria-label={t.lat} placeholder={t.lat} inputmode="decimal" />
            <input name="lng" aria-label={t.lng} placeholder={t.lng} inputmode="decimal" />
          </div>
          <p class="hint" data-geo-status="1" data-wait={t.locating} data-ok={t.located} data-fail={t.locateFailed} />
        </details>
        <button class="btn" type="submit">
          {photo ? t.replace : t.upload}
        </button>
      </form>
    </div>
  );
}

function ItemsForm(props: EvidenceProps & { readonly party: Party }) {
  const { party, lang, view } = props;
  const t = partyText(lang);
  const own = party.id === view.myPartyId;
  const returned = props.itemValues?.partyId === party.id ? props.itemValues.values : undefined;
  const items = party.items;
  const v = (name: string, fromItems: string | null | undefined) => returned?.[name] ?? (own ? (fromItems ?? "") : "");
  return (
    <form
      method="post"
      action={qcPath.caseAction(props.region, view.id, "items")}
      class="card"
      data-testid={`items-${party.id}`}
    >
      <OnceField value={props.once()} />
      <input type="hidden" name="partyId" value={party.id} />
      <h3>
        {format(t.itemsFor, { id: party.id, plate: plateText(party.plate) })}{" "}
        <span class={items ? "qc-badge qc-s-paid" : "qc-badge"}>{items ? t.itemsGiven : t.itemsMissing}</span>
      </h3>
      <input type="hidden" name="plate" value={party.plate} />
      <label for={`driverName-${party.id}`}>{t.driverName}</label>
      <input id={`driverName-${party.id}`} name="driverName" required value={v("driverName", items?.driverName)} />
      <label for={`licence-${party.id}`}>{t.driverLicenceNo}</label>
      <input
        id={`licence-${party.id}`}
        name="driverLicenceNo"
        maxlength={18}
        autocomplete="off"
        required
        value={v("driverLicenceNo", items?.driverLicenceNo)}
      />
      <label for={`vehicle-${party.id}`}>{t.vehicleLicenceNo}</label>
      <input
        id={`vehicle-${party.id}`}
        name="vehicleLicenceNo"
        required
        value={v("vehicleLicenceNo", items?.vehicleLicenceNo)}
      />
      <label for={`insurer-${party.id}`}>{t.insurer}</label>
      <select id={`insurer-${party.id}`} name="insurerId" required>
        {props.policy.insurers.map((i) => (
          <option value={i.id} selected={v("insurerId", items?.insurerId) === i.id}>
            {i.name[lang]}
          </option>
        ))}
      </select>
      <label for={`cpn-${party.id}`}>{t.compulsoryPolicyNo}</label>
      <input
        id={`cpn-${party.id}`}
        name="compulsoryPolicyNo"
        required
        value={v("compulsoryPolicyNo", items?.compulsoryPolicyNo)}
      />
      <label for={`mpn-${party.id}`}>{t.commercialPolicyNo}</label>
      <input
        id={`mpn-${party.id}`}
        name="commercialPolicyNo"
        value={v("commercialPolicyNo", items?.commercialPolicyNo)}
      />
      <label for={`mobile-${party.id}`}>{t.mobile}</label>
      <input
        id={`mobile-${party.id}`}
        name="mobile"
        type="tel"
        inputmode="numeric"
        maxlength={11}
        required
        value={v("mobile", items?.mobile ?? (own ? party.mobile : ""))}
      />
      <button class="btn" type="submit">
        {t.saveItems}
      </button>
    </form>
  );
}

/** What is still missing (QC-R02), in the page language. */
function MissingList(props: EvidenceProps) {
  const { view, lang } = props;
  const t = partyText(lang);
  if (view.missingEvidence.length === 0) return <p class="notice">{t.evidenceDone}</p>;
  const label = (field: string) => {
    const slot = props.slots.find((s) => field === `photos.${s.id}`);
    if (slot) return slot.label[lang];
    const party = view.parties.find((p) => field === `parties.${p.id}.items`);
    return party
      ? `${format(t.itemsFor, { id: party.id, plate: plateText(party.plate) })} ${t.itemsTitle.split("：").at(-1)}`
      : field;
  };
  return (
    <div class="notice" data-testid="missing">
      {t.missingTitle}
      <ul>
        {view.missingEvidence.map((m) => (
          <li data-field={m.field}>{label(m.field)}</li>
        ))}
      </ul>
    </div>
  );
}

/** Step 1: the three guided photos, the five items, and the button that submits the evidence. */
export function EvidenceSection(props: EvidenceProps) {
  const { view, lang } = props;
  const t = partyText(lang);
  const parties = view.viewer === "clerk" ? view.parties : view.parties.filter((p) => p.id === view.myPartyId);
  return (
    <>
      <section class="card" data-testid="photos">
        <h2>{t.evidenceTitle}</h2>
        <p class="hint">{t.evidenceLead}</p>
        <div class="qc-slots">
          {props.slots.map((slot) => (
            <PhotoSlotCard {...props} slot={slot} />
          ))}
        </div>
      </section>
      <section data-testid="items">
        <h2>{t.itemsTitle}</h2>
        <p class="hint">{t.itemsLead}</p>
        {view.viewer === "clerk" ? <p class="hint">{t.helperNote}</p> : null}
        {parties.map((party) => (
          <ItemsForm {...props} party={party} />
        ))}
      </section>
      <section class="card">
        <MissingList {...props} />
        <form method="post" action={qcPath.caseAction(props.region, view.id, "submit")} data-testid="submit-evidence">
          <OnceField value={props.once()} />
          <button class="btn" type="submit">
            {t.submitEvidence}
          </button>
        </form>
      </section>
    </>
  );
}
