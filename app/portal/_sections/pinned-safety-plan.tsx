import { ExerciseView } from '@/app/_components/exercise-form/exercise-view';
import type { Actor } from '@/lib/auth/types';
import { homePinnedPlans } from '@/lib/clients/portal-home';

/**
 * The client's safety plan, pinned at the very top of the portal once shared, so it is one tap away when
 * thinking clearly is hard. Collapsed by default so the home page stays calm on an ordinary day.
 */
export async function PinnedSafetyPlanSection({ actor }: { actor: Actor }) {
  const plans = await homePinnedPlans(actor);
  if (!plans.length) return null;
  return (
    <div className="mb-4 space-y-3">
      {plans.map((plan) => (
        <details key={plan.submissionId} className="rounded-xl border-2 border-brand-600 bg-white p-4 shadow-sm" data-testid="pinned-plan">
          <summary className="flex min-h-11 cursor-pointer items-center justify-between gap-2 font-semibold text-brand-900">
            <span>My {plan.template.title.toLowerCase()}</span>
            <span className="text-sm font-normal text-brand-800">Open</span>
          </summary>
          <div className="mt-3">
            <ExerciseView template={plan.template} answers={plan.answers} idPrefix={`plan-${plan.submissionId.slice(0, 8)}`} />
          </div>
        </details>
      ))}
    </div>
  );
}
