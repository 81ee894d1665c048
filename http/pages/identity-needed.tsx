/**
 * The way to 实名认证 under a refusal that needs a proved identity (KRN-R06): MKT-R01 for a
 * consent, QC-R07 for a payout. `text` says, in the module's words, why it is needed.
 */
export function IdentityNeeded(props: { readonly text: string }) {
  return (
    <div>
      <a href="/identity" data-testid="identity-needed">
        {props.text}
      </a>
    </div>
  );
}
