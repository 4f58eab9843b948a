import { useTranslation } from 'react-i18next';
import type { OrderDetail } from '../../../electron/shared/channels/orders';
import type { OrderRow } from '../../../electron/shared/orders';

/** Every address to reach the customer by, the order's first, without repeats. */
export function contactEmails(row: OrderRow, detail: OrderDetail): string[] {
  const all = [...row.emails, detail.contact.email, detail.customer?.email];
  return [...new Set(all.filter((email): email is string => !!email?.trim()))];
}

/** The customer: name, e-mail addresses and phones from the order and the customer card. */
export function CustomerFacts({ row, detail }: { row: OrderRow; detail: OrderDetail }) {
  const { t } = useTranslation();
  const name = detail.contact.name || detail.customer?.name || row.customerName;
  const emails = contactEmails(row, detail);
  const phones = [
    ...new Set([detail.contact.phone, ...(detail.customer?.phones ?? [])].filter((p): p is string => !!p)),
  ];
  return (
    <section className="order-panel-section" aria-labelledby="panel-customer-title">
      <h3 id="panel-customer-title">{t('panel.customerTitle')}</h3>
      <dl className="facts-grid">
        <div className="facts-wide">
          <dt>{t('panel.name')}</dt>
          <dd>{name || '—'}</dd>
        </div>
        <div className="facts-wide">
          <dt>{t('panel.emails')}</dt>
          <dd>
            {emails.length ? (
              <ul className="plain-list">
                {emails.map((email) => (
                  <li key={email}>{email}</li>
                ))}
              </ul>
            ) : (
              <span className="muted">{t('panel.noEmail')}</span>
            )}
          </dd>
        </div>
        <div className="facts-wide">
          <dt>{t('panel.phones')}</dt>
          <dd>
            {phones.length ? (
              <ul className="plain-list">
                {phones.map((phone) => (
                  <li key={phone}>{phone}</li>
                ))}
              </ul>
            ) : (
              <span className="muted">{t('panel.noPhone')}</span>
            )}
          </dd>
        </div>
        {detail.customerComment && (
          <div className="facts-wide">
            <dt>{t('panel.customerComment')}</dt>
            <dd className="note-text">{detail.customerComment}</dd>
          </div>
        )}
        {detail.managerComment && (
          <div className="facts-wide">
            <dt>{t('panel.managerComment')}</dt>
            <dd className="note-text">{detail.managerComment}</dd>
          </div>
        )}
      </dl>
    </section>
  );
}
