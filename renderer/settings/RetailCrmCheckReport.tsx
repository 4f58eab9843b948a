import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CrmSite, RetailCrmCheck, SetupFinding } from '../../electron/shared/channels/setup';
import { Callout } from '../components/Callout';
import { Icon } from '../components/Icon';
import { findingText } from './setupWords';
import { SiteChecklist } from './SiteChecklist';

export interface CheckReportProps {
  check: RetailCrmCheck;
  saved: boolean;
  /** The stores ticked; the check's stores are the choices. */
  sites: readonly string[];
  onSites(sites: string[]): void;
  accepted: ReadonlySet<string>;
  onAccept(code: string, accepted: boolean): void;
}

/**
 * What "Check and connect" found, in the order a manager fixes things: what blocks (with the
 * provider's own words), the missing API methods by name, then the stores to work with and the
 * warnings, each accepted with its own tick before anything is saved.
 */
export function RetailCrmCheckReport({ check, saved, sites, onSites, accepted, onAccept }: CheckReportProps) {
  const { t } = useTranslation();
  const blocked = check.problems.length > 0;
  const title = saved
    ? t('setup.retailcrm.report.saved')
    : blocked
      ? t('setup.retailcrm.report.blocked')
      : t('setup.retailcrm.report.warnings');
  return (
    <div className="check-report" data-testid="retailcrm-check">
      {saved ? (
        <Callout tone="success" title={title}>
          {check.baseCurrency && (
            <p>{t('setup.retailcrm.report.baseCurrency', { currency: check.baseCurrency })}</p>
          )}
        </Callout>
      ) : blocked ? (
        <div className="callout callout-error" role="alert">
          <Icon name="alert" className="callout-icon" />
          <div className="callout-body">
            <p className="callout-title">{title}</p>
            {check.problems.map((problem) => (
              <Problem key={problem.code} finding={problem} methods={check.missingMethods} />
            ))}
          </div>
        </div>
      ) : (
        <Callout tone="warning" title={title}>
          <p>{t('setup.retailcrm.report.warningsLead')}</p>
        </Callout>
      )}
      {check.sites.length > 0 && <SiteChoice sites={check.sites} chosen={sites} onChange={onSites} />}
      {!blocked &&
        check.warnings.map((warning) => (
          <Warning
            key={warning.code}
            finding={warning}
            accepted={accepted.has(warning.code)}
            onChange={(value) => onAccept(warning.code, value)}
          />
        ))}
    </div>
  );
}

function Problem({ finding, methods }: { finding: SetupFinding; methods: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <div className="finding" data-code={finding.code}>
      <p>{findingText(t, finding)}</p>
      {finding.code === 'missing_methods' && (
        <>
          <ul className="stack-list method-list" aria-label={t('setup.retailcrm.report.methodsLabel')}>
            {methods.map((method) => (
              <li key={method}>
                <code>{method}</code>
              </li>
            ))}
          </ul>
          <p className="callout-next">{t('setup.retailcrm.report.methodsHowTo')}</p>
        </>
      )}
      {finding.detail && (
        <figure className="provider-answer">
          <figcaption>{t('errors.retailcrm.answer')}</figcaption>
          <blockquote>{finding.detail}</blockquote>
        </figure>
      )}
    </div>
  );
}

function SiteChoice({
  sites,
  chosen,
  onChange,
}: {
  sites: readonly CrmSite[];
  chosen: readonly string[];
  onChange(sites: string[]): void;
}) {
  const { t } = useTranslation();
  const toggle = (code: string, on: boolean) =>
    onChange(sites.map((s) => s.code).filter((c) => (c === code ? on : chosen.includes(c))));
  return (
    <SiteChecklist
      legend={t('setup.retailcrm.report.sitesTitle')}
      hint={t('setup.retailcrm.report.sitesHint')}
      sites={sites}
      chosen={chosen}
      onToggle={toggle}
      showCurrency
    />
  );
}

function Warning({
  finding,
  accepted,
  onChange,
}: {
  finding: SetupFinding;
  accepted: boolean;
  onChange(accepted: boolean): void;
}) {
  const { t } = useTranslation();
  const textId = useId();
  return (
    <div className="callout callout-warning" data-code={finding.code}>
      <Icon name="alert" className="callout-icon" />
      <div className="callout-body">
        <p id={textId}>{findingText(t, finding)}</p>
        <label className="check-row">
          <input
            type="checkbox"
            checked={accepted}
            aria-describedby={textId}
            onChange={(event) => onChange(event.target.checked)}
          />
          <span>{t('setup.retailcrm.report.accept')}</span>
        </label>
      </div>
    </div>
  );
}
