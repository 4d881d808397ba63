import { describe, expect, it } from 'vitest';
import { thoughtRecordV1 } from '@/lib/exercises';
import { carryAlignedItems } from '@/lib/exercises/aligned';

const feelings = (...names: string[]) => names.map((name, i) => ({ name, intensity: 50 + i * 10 }));

describe('re-rated feelings follow the feelings named at the start', () => {
  it('a form opening on a draft fills the re-rating list with the feelings entered earlier', () => {
    const draft = { situation: 'x', emotions: feelings('hurt', 'ashamed'), emotions_rerated: [{}] };
    expect(carryAlignedItems(thoughtRecordV1, draft).emotions_rerated).toEqual([{ name: 'hurt' }, { name: 'ashamed' }]);
  });

  it('keeps the new ratings already given, and names the client typed themselves', () => {
    const draft = {
      emotions: feelings('hurt', 'ashamed'),
      emotions_rerated: [{ name: 'hurt', intensity: 30 }, { name: 'embarrassed' }],
    };
    expect(carryAlignedItems(thoughtRecordV1, draft).emotions_rerated).toEqual([
      { name: 'hurt', intensity: 30 },
      { name: 'embarrassed' },
    ]);
  });

  it('renaming or adding a feeling at the start carries into the re-rating list', () => {
    const before = { emotions: feelings('hurt'), emotions_rerated: [{ name: 'hurt', intensity: 30 }] };
    const renamed = carryAlignedItems(thoughtRecordV1, { ...before, emotions: feelings('sad') }, before);
    expect(renamed.emotions_rerated).toEqual([{ name: 'sad', intensity: 30 }]);
    const added = carryAlignedItems(thoughtRecordV1, { ...renamed, emotions: feelings('sad', 'lonely') }, renamed);
    expect(added.emotions_rerated).toEqual([{ name: 'sad', intensity: 30 }, { name: 'lonely' }]);
  });

  it('removing a feeling drops its carried row, but not a row the client rated', () => {
    const before = {
      emotions: feelings('sad', 'lonely', 'angry'),
      emotions_rerated: [{ name: 'sad' }, { name: 'lonely', intensity: 20 }, { name: 'angry' }],
    };
    const after = carryAlignedItems(thoughtRecordV1, { ...before, emotions: feelings('sad') }, before);
    expect(after.emotions_rerated).toEqual([{ name: 'sad' }, { name: 'lonely', intensity: 20 }]);
  });

  it('leaves the answers alone when the first list did not change or holds no names', () => {
    const before = { emotions: feelings('hurt'), emotions_rerated: [{ name: '' }] };
    const edit = { ...before, emotions_rerated: [{ name: '', intensity: 10 }] };
    expect(carryAlignedItems(thoughtRecordV1, edit, before)).toBe(edit);
    const empty = { emotions: [{}], emotions_rerated: [{}] };
    expect(carryAlignedItems(thoughtRecordV1, empty)).toBe(empty);
  });
});
