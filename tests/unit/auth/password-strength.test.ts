import { describe, expect, it } from 'vitest';
import { POST } from '../../../app/api/password-strength/route';
import { MIN_PASSWORD_LENGTH, MIN_PASSWORD_SCORE, passwordUserInputs } from '../../../lib/auth/password-policy';
import { newPasswordField, passwordRefusal, passwordStrength } from '../../../lib/auth/password-strength';
import { signUpInput } from '../../../lib/practice/schemas';

const ALEX = ['Alex Rivera', 'alex.rivera@clients.northside.example', 'Northside Counselling'];

describe('the password policy', () => {
  it('asks for 12 characters and a zxcvbn score of 3', () => {
    expect(MIN_PASSWORD_LENGTH).toBe(12);
    expect(MIN_PASSWORD_SCORE).toBe(3);
    expect(newPasswordField.safeParse('eleven-char').success).toBe(false);
    expect(newPasswordField.safeParse('twelve-chars').success).toBe(true);
    expect(newPasswordField.safeParse('x'.repeat(257)).success).toBe(false);
  });

  it.each([
    ['Password1234', 'similar to a commonly used password'],
    ['QWERTYUIOP123', 'similar to a commonly used password'],
    ['123456789012', 'commonly used password'],
    ['iloveyou1234', 'similar to a commonly used password'],
    ['aaaaaaaaaaaa', 'Repeated characters'],
  ])('refuses %s, which attackers try first, and says why', async (password, why) => {
    const refusal = await passwordRefusal(password, []);
    expect(refusal).toContain('This password would be easy to guess.');
    expect(refusal).toContain(why);
  });

  it.each(['mend-demo-password', 'violet-kettle-harbour-42', 'correcthorsebatterystaple', 'Tr0ub4dor&3xyz', 'a-brand-new-passphrase'])(
    'accepts %s',
    async (password) => {
      expect(await passwordRefusal(password, ALEX)).toBeNull();
      expect((await passwordStrength(password)).score).toBeGreaterThanOrEqual(3);
    },
  );

  it('counts the person’s own name, email and practice as the first guesses', async () => {
    for (const password of ['alexrivera2026', 'AlexRiveraNorthside', 'northsidealex99']) {
      expect((await passwordStrength(password)).score, `${password} alone`).toBeGreaterThanOrEqual(3);
      expect(await passwordRefusal(password, ALEX), `${password} for Alex Rivera`).toContain('personal');
    }
    expect(passwordUserInputs('alex.rivera@clients.northside.example')).toEqual(
      expect.arrayContaining(['alex.rivera@clients.northside.example', 'alex', 'rivera', 'alexrivera', 'northside']),
    );
  });

  it('reports a weak password beside its field together with the other fields’ errors', async () => {
    const parsed = await signUpInput.safeParseAsync({
      practiceName: 'Northside Counselling',
      timeZone: 'Europe/London',
      name: 'Alex Rivera',
      email: 'not-an-email',
      password: 'northsidealex99',
      confirmPassword: 'northsidealex99',
    });
    expect(parsed.success).toBe(false);
    const fields = Object.fromEntries((parsed.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]));
    expect(Object.keys(fields).sort()).toEqual(['email', 'password']);
    expect(fields.password).toContain('This password would be easy to guess.');
  });
});

describe('POST /api/password-strength (the meter beside new-password fields)', () => {
  const ask = (body: string) => POST(new Request('http://localhost/api/password-strength', { method: 'POST', body }));

  it('scores the password, counting the words it is sent about the person', async () => {
    const weak = await ask(JSON.stringify({ password: 'Password1234' }));
    expect(weak.status).toBe(200);
    expect(weak.headers.get('cache-control')).toBe('no-store');
    expect(await weak.json()).toMatchObject({ score: 1, acceptable: false, warning: 'This is similar to a commonly used password.' });
    expect(await (await ask(JSON.stringify({ password: 'violet-kettle-harbour-42' }))).json()).toMatchObject({ score: 4, acceptable: true });
    expect(await (await ask(JSON.stringify({ password: 'alexrivera2026', about: ALEX }))).json()).toMatchObject({ acceptable: false });
  });

  it('refuses what is not a password question', async () => {
    expect((await ask('not json')).status).toBe(400);
    expect((await ask(JSON.stringify({ password: 42 }))).status).toBe(400);
    expect((await ask(JSON.stringify({ password: 'x'.repeat(257) }))).status).toBe(400);
    expect((await ask(JSON.stringify({ password: 'x', about: ['y'.repeat(5000)] }))).status).toBe(413);
  });

  it('stops reading a body that declares no length as soon as it is too large', async () => {
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1;
        if (sent > 10_000) controller.close();
        else controller.enqueue(new TextEncoder().encode(' '.repeat(1024)));
      },
    });
    const request = new Request('http://localhost/api/password-strength', { method: 'POST', body: endless, duplex: 'half' } as RequestInit);
    expect(request.headers.get('content-length')).toBeNull();
    expect((await POST(request)).status).toBe(413);
    expect(sent).toBeLessThan(20);
  });
});
