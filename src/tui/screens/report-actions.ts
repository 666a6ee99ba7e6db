import { parseEditedNumber } from '../../label/review.js';
import type { Session, Target } from '../session.js';

/**
 * The keys of an open report, on its findings, its tables and a row: t tables, a ask, s save;
 * on a value c confirm, e edit, u undo; on a finding x dismiss. True when the key was one of them.
 */
export function reportActionKeys(input: string, session: Session, target: Target | undefined): boolean {
  const { open, words } = session;
  if (!open) return false;
  if (input === 't') {
    session.go({ name: 'tables', entry: open.index }, 0);
    return true;
  }
  if (input === 'a') {
    session.go({ name: 'chat', entry: open.index }, 0);
    return true;
  }
  if (input === 's') {
    session.save.start();
    return true;
  }
  if (!target || !['c', 'u', 'e', 'x'].includes(input)) return false;
  if (input === 'c') session.decide([[target.key, { kind: 'confirmed', reason: '' }]], words.confirmed(target.label));
  else if (input === 'u') session.decide([[target.key, null]], words.undone(target.label));
  else if (input === 'e') {
    if (target.kind === 'finding') session.say(words.findingNotValue);
    else startEdit(session, target);
  } else if (target.kind !== 'finding') session.say(words.onlyFindingDismissed);
  else {
    session.prompt({
      label: words.whyFalseAlarm(target.label),
      submit: (reason) => (reason.trim() ? session.decide([[target.key, { kind: 'dismissed', reason: reason.trim() }]], words.dismissed(target.label)) : session.say(words.dismissNeedsReason)),
    });
  }
  return true;
}

/** e: a new value, then the reason (both required). */
function startEdit(session: Session, target: Target): void {
  const { words } = session;
  session.prompt({
    label: words.newValue(target.label, target.kind === 'cell'),
    submit: (typed) => {
      let value: number | string | null = typed.trim();
      if (target.kind !== 'text') {
        const parsed = parseEditedNumber(typed, session.language);
        if ('problem' in parsed) return session.say(parsed.problem);
        if (parsed.value === null && target.kind === 'number') return session.say(words.numberNotBlank);
        value = parsed.value;
      } else if (value === '') {
        return session.say(words.emptyNotSaved);
      }
      const shown = String(value ?? '空');
      session.prompt({
        label: words.whyValue(target.label, shown),
        submit: (reason) =>
          reason.trim() ? session.decide([[target.key, { kind: 'edited', value, reason: reason.trim() }]], `${target.label} → ${shown}`) : session.say(words.editNeedsReason),
      });
    },
  });
}
