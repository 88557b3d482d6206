/** A timestamp as the reader's local date and time; the raw value when it is not one. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) {
    return '–';
  }
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : at.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
