import { ButtonLink, Card } from '@/app/_components/design';

/** The page for a link that no longer works: what happened, and what to do next. */
export function LinkProblem({ title, message }: { title: string; message: string }) {
  return (
    <Card>
      <h1 className="text-xl font-semibold">{title}</h1>
      <p className="mt-2 text-sm text-slate-700">{message}</p>
      <ButtonLink href="/login" className="mt-4">
        Go to sign in
      </ButtonLink>
    </Card>
  );
}
