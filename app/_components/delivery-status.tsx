'use client';

import type { Delivery } from './resilient-action';

/** Tells the person what happened to a submission that had to wait for the connection or the server. */
export function DeliveryStatus({ delivery }: { delivery: Delivery }) {
  if (delivery.waiting) {
    return (
      <div role="status" data-testid="delivery-waiting" className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
        {delivery.waiting}
      </div>
    );
  }
  if (delivery.recovered) {
    return (
      <div role="status" data-testid="delivery-recovered" className="rounded-lg border border-brand-200 bg-brand-50 px-3 py-2 text-sm text-brand-800">
        {delivery.recovered}
      </div>
    );
  }
  return null;
}
