/** Set once SIGTERM arrives: the load balancer is told to stop sending requests while the server drains. */
const slot = globalThis as unknown as { __mendDraining?: boolean };

export function markDraining(): void {
  slot.__mendDraining = true;
}

export function isDraining(): boolean {
  return slot.__mendDraining === true;
}
