import { useSettings } from '../store/settings';

/** A merchant's name from the settings (its id when it is no longer there). */
export function MerchantName({ id }: { id?: string }) {
  const name = useSettings((s) => s.view?.settings.merchants.find((m) => m.id === id)?.name);
  const text = name ?? id ?? '';
  return <span title={text}>{text}</span>;
}
