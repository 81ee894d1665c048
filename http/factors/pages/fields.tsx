/** Form fields with a label and an optional hint; `values` echo what the person typed after a refusal. */
export type Values = Readonly<Record<string, string>>;

let counter = 0;
function fieldId(name: string): string {
  counter = (counter + 1) % 1_000_000;
  return `f-${name.replace(/[^\w-]/g, "-")}-${counter}`;
}

export function TextField(props: {
  readonly name: string;
  readonly label: string;
  readonly values?: Values;
  readonly value?: string;
  readonly hint?: string;
  readonly type?: "text" | "date" | "tel" | "number";
  readonly inputmode?: "numeric" | "decimal" | "text";
  readonly required?: boolean;
  readonly placeholder?: string;
  readonly maxlength?: number;
  readonly pattern?: string;
}) {
  const id = fieldId(props.name);
  return (
    <>
      <label for={id}>{props.label}</label>
      <input
        id={id}
        name={props.name}
        type={props.type ?? "text"}
        inputmode={props.inputmode}
        required={props.required}
        placeholder={props.placeholder}
        maxlength={props.maxlength}
        pattern={props.pattern}
        value={props.values?.[props.name] ?? props.value ?? ""}
        autocomplete="off"
      />
      {props.hint ? <p class="hint">{props.hint}</p> : null}
    </>
  );
}

export function AreaField(props: {
  readonly name: string;
  readonly label: string;
  readonly values?: Values;
  readonly hint?: string;
  readonly required?: boolean;
}) {
  const id = fieldId(props.name);
  return (
    <>
      <label for={id}>{props.label}</label>
      <textarea id={id} name={props.name} required={props.required}>
        {props.values?.[props.name] ?? ""}
      </textarea>
      {props.hint ? <p class="hint">{props.hint}</p> : null}
    </>
  );
}

export interface Choice {
  readonly value: string;
  readonly label: string;
  /** Options under a group heading (optgroup). */
  readonly group?: string;
}

export function SelectField(props: {
  readonly name: string;
  readonly label: string;
  readonly choices: readonly Choice[];
  readonly values?: Values;
  readonly value?: string;
  readonly hint?: string;
  readonly required?: boolean;
}) {
  const id = fieldId(props.name);
  const chosen = props.values?.[props.name] ?? props.value ?? "";
  const groups = [...new Set(props.choices.map((c) => c.group ?? ""))];
  const option = (c: Choice) => (
    <option value={c.value} selected={c.value === chosen}>
      {c.label}
    </option>
  );
  return (
    <>
      <label for={id}>{props.label}</label>
      <select id={id} name={props.name} required={props.required}>
        {groups.map((g) =>
          g === "" ? (
            props.choices.filter((c) => !c.group).map(option)
          ) : (
            <optgroup label={g}>{props.choices.filter((c) => c.group === g).map(option)}</optgroup>
          ),
        )}
      </select>
      {props.hint ? <p class="hint">{props.hint}</p> : null}
    </>
  );
}

export function RadioField(props: {
  readonly name: string;
  readonly label: string;
  readonly choices: readonly Choice[];
  readonly values?: Values;
  readonly value?: string;
}) {
  const chosen = props.values?.[props.name] ?? props.value ?? props.choices[0]?.value ?? "";
  return (
    <fieldset class="fx-radio">
      <legend>{props.label}</legend>
      {props.choices.map((c) => (
        <label class="fx-check">
          <input type="radio" name={props.name} value={c.value} checked={c.value === chosen} />
          <span>{c.label}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** Evidence files: photos or PDF scans, several at once (the camera on a phone). */
export function EvidenceInput(props: { readonly label: string; readonly hint: string; readonly name?: string }) {
  const id = fieldId(props.name ?? "evidenceFiles");
  return (
    <>
      <label for={id}>{props.label}</label>
      <input
        id={id}
        name={props.name ?? "evidenceFiles"}
        type="file"
        accept="image/jpeg,image/png,image/webp,application/pdf"
        multiple
      />
      <p class="hint">{props.hint}</p>
    </>
  );
}
