import { raw } from "hono/html";
import { format, type Lang } from "../../pages/i18n.ts";
import { OnceField } from "./form-once.tsx";
import { beijingDeadline } from "./formatting.ts";
import { mkPath } from "./mk-paths.ts";
import { staffText } from "./text-staff.ts";

/** A code just issued: its QR image (SVG markup made by the qrcode library), the link and expiry. */
export interface IssuedCode {
  readonly svg: string;
  readonly url: string;
  readonly expiresAt: Date;
  readonly scans: number;
  readonly applications: number;
}

export interface ApplyCodeSectionProps {
  readonly lang: Lang;
  readonly region: string;
  readonly products: readonly { readonly id: string; readonly name: string }[];
  readonly branches: readonly { readonly id: string; readonly name: string }[];
  readonly once: string;
  readonly issued?: IssuedCode | undefined;
}

/** The desk's 码上贷 section (MKT-R08): issue a code for one of the institution's products. */
export function ApplyCodeSection(props: ApplyCodeSectionProps) {
  const t = staffText(props.lang);
  return (
    <section class="mk-section mk-gap" id="codes" data-testid="apply-codes">
      <h2>{t.codesTitle}</h2>
      <p class="hint">{t.codesLead}</p>
      {props.issued ? (
        <div class="notice" data-testid="issued-code">
          <p>{format(t.codeIssued, { until: beijingDeadline(props.issued.expiresAt) })}</p>
          <p data-testid="code-counts">
            {format(t.codeCounts, { scans: props.issued.scans, applications: props.issued.applications })}
          </p>
          {raw(props.issued.svg)}
          <p class="hint">{t.codeLink}</p>
          <a class="mk-code" href={props.issued.url} data-testid="issued-code-link">
            {props.issued.url}
          </a>
        </div>
      ) : null}
      {props.products.length === 0 ? (
        <p class="mk-empty">{t.noProducts}</p>
      ) : (
        <form method="post" action={mkPath.issueCode(props.region)} data-testid="issue-code-form">
          <OnceField value={props.once} />
          <div class="mk-two">
            <div>
              <label for="code-product">{t.codeProduct}</label>
              <select id="code-product" name="productId" required>
                {props.products.map((p) => (
                  <option value={p.id}>{p.name}</option>
                ))}
              </select>
            </div>
            <div>
              <label for="code-branch">{t.codeBranch}</label>
              <select id="code-branch" name="branchId">
                <option value="">{t.anyBranch}</option>
                {props.branches.map((b) => (
                  <option value={b.id}>{b.name}</option>
                ))}
              </select>
            </div>
            <div>
              <label for="code-manager">{t.codeManager}</label>
              <input id="code-manager" name="managerId" maxlength={64} pattern="[A-Za-z0-9_-]{1,64}" />
            </div>
            <div>
              <label for="code-days">{t.codeDays}</label>
              <input id="code-days" name="validDays" inputmode="numeric" maxlength={4} />
            </div>
          </div>
          <button class="btn" type="submit">
            {t.codeIssue}
          </button>
        </form>
      )}
    </section>
  );
}
