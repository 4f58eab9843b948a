import type { CrmSite } from '../../electron/shared/channels/setup';

export interface SiteChecklistProps {
  legend: string;
  hint?: string;
  error?: string;
  sites: readonly CrmSite[];
  /** The codes of the stores ticked. */
  chosen: readonly string[];
  onToggle(code: string, on: boolean): void;
  /** Each store's own currency after its code (where the choice depends on it). */
  showCurrency?: boolean;
}

/** RetailCRM stores to tick: each by its name, with its code (and currency) beside it. */
export function SiteChecklist({
  legend,
  hint,
  error,
  sites,
  chosen,
  onToggle,
  showCurrency = false,
}: SiteChecklistProps) {
  return (
    <fieldset className="choice-set">
      <legend className="field-label">{legend}</legend>
      {hint && <p className="field-hint">{hint}</p>}
      {sites.map((site) => (
        <label key={site.code} className="check-row">
          <input
            type="checkbox"
            checked={chosen.includes(site.code)}
            onChange={(event) => onToggle(site.code, event.target.checked)}
          />
          <span className="check-text">
            <span>{site.name}</span>
            <span className="check-meta">
              <code>{site.code}</code>
              {showCurrency && site.currency && ` · ${site.currency}`}
            </span>
          </span>
        </label>
      ))}
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}
