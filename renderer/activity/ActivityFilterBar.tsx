import { useTranslation } from 'react-i18next';
import { DateField } from '../components/DateField';
import { Button } from '../components/Button';
import { isFiltered, NO_FILTERS, type ActivityFilters } from './filters';
import { OPERATION_KINDS, type OperationKind } from '../../electron/shared/operationKinds';
import { kindLabel } from './journalWords';

/** Dates, operation kinds (none chosen: all) and a search by order number or manager. */
export function ActivityFilterBar({
  filters,
  onChange,
}: {
  filters: ActivityFilters;
  onChange(filters: ActivityFilters): void;
}) {
  const { t } = useTranslation();
  const toggle = (kind: OperationKind) =>
    onChange({
      ...filters,
      kinds: filters.kinds.includes(kind)
        ? filters.kinds.filter((k) => k !== kind)
        : [...filters.kinds, kind],
    });
  return (
    <form
      className="card activity-filters"
      role="search"
      aria-label={t('activity.filtersLabel')}
      onSubmit={(event) => event.preventDefault()}
    >
      <div className="activity-filter-row">
        <label className="activity-field activity-search">
          <span className="field-label">{t('activity.search')}</span>
          <input
            className="input"
            type="search"
            value={filters.search}
            placeholder={t('activity.searchPlaceholder')}
            data-shortcut="search"
            aria-keyshortcuts="/"
            onChange={(event) => onChange({ ...filters, search: event.target.value })}
          />
        </label>
        <div className="activity-field">
          <span className="field-label" aria-hidden="true">
            {t('activity.from')}
          </span>
          <DateField
            label={t('activity.from')}
            value={filters.from}
            max={filters.to || undefined}
            onChange={(from) => onChange({ ...filters, from })}
          />
        </div>
        <div className="activity-field">
          <span className="field-label" aria-hidden="true">
            {t('activity.to')}
          </span>
          <DateField
            label={t('activity.to')}
            value={filters.to}
            min={filters.from || undefined}
            onChange={(to) => onChange({ ...filters, to })}
          />
        </div>
        {isFiltered(filters) && (
          <Button variant="ghost" size="sm" className="activity-reset" onClick={() => onChange(NO_FILTERS)}>
            {t('activity.reset')}
          </Button>
        )}
      </div>
      <div className="activity-kinds" role="group" aria-label={t('activity.kindsLabel')}>
        {OPERATION_KINDS.map((kind) => (
          <button
            key={kind}
            type="button"
            className="chip"
            aria-pressed={filters.kinds.includes(kind)}
            onClick={() => toggle(kind)}
          >
            {kindLabel(t, kind)}
          </button>
        ))}
      </div>
    </form>
  );
}
