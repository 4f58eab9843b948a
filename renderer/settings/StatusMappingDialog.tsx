import { useId, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { PaymentStatusChoice, StatusMappingView } from '../../electron/shared/channels/setup';
import { LIFECYCLE_STATES, type LifecycleState } from '../../electron/shared/lifecycle';
import type { StatusMapping } from '../../electron/shared/settings';
import { Badge } from '../components/Badge';
import { Button } from '../components/Button';
import { Dialog } from '../components/Dialog';
import { ErrorMessage } from '../components/ErrorMessage';
import { call } from '../desk';
import { useDeskAction } from '../deskHooks';
import { notify } from '../store/noticesStore';
import { NewStatusForm } from './NewStatusForm';

type Draft = Record<LifecycleState, string>;

/** What the dialog opens with: the mapping, else the status whose name fits (a fresh account). */
function draftOf(view: StatusMappingView): Draft {
  const draft = {} as Draft;
  for (const state of LIFECYCLE_STATES) draft[state] = view.mapping[state] ?? view.suggestions[state] ?? '';
  return draft;
}

function optionLabel(t: TFunction, status: PaymentStatusChoice): string {
  const flags = [
    status.paymentComplete && t('setup.statuses.flagPaid'),
    !status.active && t('setup.statuses.flagInactive'),
  ].filter(Boolean);
  return [`${status.name} (${status.code})`, ...flags].join(' · ');
}

/**
 * The module guide's status popup: every lifecycle state → a RetailCRM payment status, a new
 * status created inline, saved only when every state has one. Mounted only while open.
 */
export function StatusMappingDialog({
  view,
  onChange,
  onSaved,
  onClose,
}: {
  view: StatusMappingView;
  /** A status was created (and its state mapped) while the dialog is open. */
  onChange(view: StatusMappingView): void;
  onSaved(view: StatusMappingView): Promise<void>;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const baseId = useId();
  const body = useRef<HTMLDivElement>(null);
  const [draft, setDraft] = useState(() => draftOf(view));
  const [adding, setAdding] = useState<LifecycleState>();
  const [created, setCreated] = useState<Partial<Record<LifecycleState, string>>>({});
  const [missing, setMissing] = useState<LifecycleState[]>([]);
  const { busy, error, run, setError } = useDeskAction();

  const choose = (state: LifecycleState, code: string) => {
    setDraft((d) => ({ ...d, [state]: code }));
    setMissing((m) => m.filter((s) => s !== state));
  };

  const save = async () => {
    setError(undefined);
    const unmapped = LIFECYCLE_STATES.filter((state) => draft[state] === '');
    setMissing(unmapped);
    if (unmapped.length > 0) {
      requestAnimationFrame(() => body.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    await run(async () => {
      const mapping: StatusMapping = { ...draft };
      await onSaved(await call('setup.statusMapping.set', { mapping }));
      notify('success', (tr) => tr('setup.statuses.saved'));
      onClose();
    });
  };

  return (
    <Dialog
      open
      title={t('setup.statuses.dialogTitle')}
      description={t('setup.statuses.dialogText')}
      onClose={onClose}
      size="md"
      footer={
        <>
          {missing.length > 0 && (
            <p className="field-error push-left" role="alert">
              {t('setup.statuses.missing', { states: missing.map((s) => t(`lifecycle.${s}`)).join(', ') })}
            </p>
          )}
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button variant="primary" busy={busy} onClick={() => void save()}>
            {t('common.save')}
          </Button>
        </>
      }
    >
      <div className="mapping-rows" ref={body}>
        {LIFECYCLE_STATES.map((state) => {
          const id = `${baseId}-${state}`;
          const invalid = missing.includes(state);
          const suggested =
            !view.mapping[state] &&
            view.suggestions[state] !== undefined &&
            draft[state] === view.suggestions[state];
          return (
            <div className="mapping-row" key={state} data-state={state}>
              <div className="mapping-state">
                <label htmlFor={id}>
                  <Badge state={state} />
                </label>
                <span className="field-hint">{t(`setup.statuses.stateHints.${state}`)}</span>
              </div>
              <div className="mapping-control">
                <div className="select">
                  <select
                    id={id}
                    className="input"
                    value={draft[state]}
                    aria-invalid={invalid || undefined}
                    aria-describedby={invalid ? `${id}-error` : `${id}-hint`}
                    onChange={(event) => choose(state, event.target.value)}
                  >
                    <option value="">{t('setup.statuses.choose')}</option>
                    {view.statuses.map((status) => (
                      <option key={status.code} value={status.code}>
                        {optionLabel(t, status)}
                      </option>
                    ))}
                  </select>
                </div>
                {invalid && (
                  <p className="field-error" id={`${id}-error`}>
                    {t('setup.statuses.required')}
                  </p>
                )}
                {adding === state ? (
                  <NewStatusForm
                    state={state}
                    proposal={view.proposals.find((p) => p.state === state)}
                    onCreated={(next, code) => {
                      onChange(next);
                      choose(state, code);
                      setCreated((c) => ({ ...c, [state]: code }));
                      setAdding(undefined);
                    }}
                    onCancel={() => setAdding(undefined)}
                  />
                ) : (
                  <div className="mapping-meta">
                    <button type="button" className="link-button add-status" onClick={() => setAdding(state)}>
                      {t('setup.statuses.add')}
                    </button>
                    {created[state] !== undefined && created[state] === draft[state] ? (
                      <span className="field-hint text-ok" id={`${id}-hint`} role="status">
                        {t('setup.statuses.createdHere')}
                      </span>
                    ) : (
                      suggested &&
                      !invalid && (
                        <span className="field-hint" id={`${id}-hint`}>
                          {t('setup.statuses.suggested')}
                        </span>
                      )
                    )}
                  </div>
                )}
              </div>
            </div>
          );
        })}
      </div>
      {error && <ErrorMessage error={error} onRetry={() => void save()} />}
    </Dialog>
  );
}
