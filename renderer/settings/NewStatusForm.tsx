import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  setupChannels,
  type StatusMappingView,
  type StatusProposal,
} from '../../electron/shared/channels/setup';
import type { LifecycleState } from '../../electron/shared/lifecycle';
import { Button } from '../components/Button';
import { ErrorMessage } from '../components/ErrorMessage';
import { TextField } from '../components/TextField';
import { call } from '../desk';
import { fromZod } from './issues';
import { setupFieldErrors } from './setupWords';
import { useFieldForm } from './useFieldForm';

const requestSchema = setupChannels['setup.statusMapping.createStatus'].request;

/**
 * The module guide's "Add a new payment status" inside the mapping popup: a name and a code, and
 * RetailCRM has the status (counting as paid or not by the state), already mapped to the state.
 */
export function NewStatusForm({
  state,
  proposal,
  onCreated,
  onCancel,
}: {
  state: LifecycleState;
  proposal?: StatusProposal;
  onCreated(view: StatusMappingView, code: string): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(proposal?.name ?? '');
  const [code, setCode] = useState(proposal?.code ?? '');
  const form = useFieldForm();
  const { busy, error } = form;
  const errors = setupFieldErrors(t, 'status', form.issues);
  const stateName = t(`lifecycle.${state}`);

  const create = () => {
    const request = { state, name, code: code.trim() };
    const checked = requestSchema.safeParse(request);
    // Said in the dialog's row: a toast would sit behind the modal dialog.
    return form.submit(checked.success ? [] : fromZod(checked.error.issues), async () =>
      onCreated(await call('setup.statusMapping.createStatus', request), request.code),
    );
  };

  return (
    <div className="subform" role="group" aria-label={t('setup.statuses.newTitle', { state: stateName })}>
      <div className="field-row">
        <TextField
          label={t('setup.statuses.newName')}
          value={name}
          onChange={setName}
          error={errors.name}
          autoComplete="off"
          // Enter creates the status, not the mapping dialog's Save.
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              void create();
            }
          }}
        />
        <TextField
          label={t('setup.statuses.newCode')}
          placeholder={t('setup.statuses.newCodePlaceholder')}
          value={code}
          onChange={setCode}
          error={errors.code}
          autoComplete="off"
          spellCheck={false}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              void create();
            }
          }}
        />
      </div>
      <p className="field-hint">{t('setup.statuses.newHint')}</p>
      <div className="row-actions">
        <Button size="sm" variant="primary" icon="check" busy={busy} onClick={() => void create()}>
          {t('setup.statuses.create')}
        </Button>
        <Button size="sm" variant="ghost" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
      {error && <ErrorMessage error={error} onRetry={() => void create()} />}
    </div>
  );
}
