import { useRef, useState } from 'react';
import type { BoardSession } from '../../collab/session';
import { useEscapeToClose } from '../../ui-kit/useEscapeToClose';
import { writeTimer } from '../facilitationActions';
import { MINUTE_MS, PRESET_MINUTES, addMinute, formatClock, parseMinutes, pauseTimer, resetTimer, resumeTimer, startTimer } from './timerMath';
import { useTimer } from './useTimer';

interface Props {
  session: BoardSession;
  /** Only the owner runs the timer; everyone sees it. */
  isOwner: boolean;
  name: string;
}

/**
 * The workshop countdown in the header: everyone sees the time left (and a
 * highlight at zero) and may mute its chime; the owner starts, pauses,
 * resumes, adds a minute and resets it from a small panel.
 */
export function TimerControl({ session, isOwner, name }: Props) {
  const timer = useTimer(session);
  const [open, setOpen] = useState(false);
  const [custom, setCustom] = useState('');
  const button = useRef<HTMLButtonElement>(null);
  useEscapeToClose(() => {
    setOpen(false);
    button.current?.focus();
  }, open);
  const customMs = parseMinutes(custom);
  const write = (next: Parameters<typeof writeTimer>[1]) => writeTimer(session, next);
  const start = (ms: number) => {
    write(startTimer(timer.state, ms, timer.serverNow(), name));
    setOpen(false);
  };
  const { state, phase, remaining } = timer;
  if (!state && !isOwner) return null;
  const clock = state ? formatClock(remaining) : 'Timer';

  return (
    <div className={`timer timer-${phase}`} data-timer-phase={phase} data-timer-remaining-ms={Math.round(remaining)}>
      {state && (
        <span className="timer-clock" role="timer" aria-label={`Workshop timer: ${clock} left${phase === 'paused' ? ', paused' : ''}`}>
          <span aria-hidden="true">{clock}</span>
          {phase === 'paused' && <span className="timer-tag">paused</span>}
          {phase === 'expired' && <span className="timer-tag">time’s up</span>}
        </span>
      )}
      {state && (
        <button type="button" className="icon-button timer-mute" aria-pressed={timer.muted} onClick={() => timer.setMuted(!timer.muted)} title={timer.muted ? 'Chime off (click to turn on)' : 'Chime on at zero (click to mute)'}>
          <BellIcon muted={timer.muted} />
          <span className="sr-only">Mute the timer chime</span>
        </button>
      )}
      {isOwner && (
        <button ref={button} type="button" className="button small" aria-expanded={open} aria-controls="timer-panel" onClick={() => setOpen(!open)}>
          {state ? 'Timer…' : 'Timer'}
        </button>
      )}
      {isOwner && open && (
        <div id="timer-panel" className="timer-panel" role="group" aria-label="Workshop timer">
          {state && (
            <div className="timer-row">
              {phase === 'running' ? (
                <button type="button" className="button small" onClick={() => write(pauseTimer(state, timer.serverNow()))}>Pause</button>
              ) : phase === 'paused' ? (
                <button type="button" className="button small primary" onClick={() => write(resumeTimer(state, timer.serverNow()))}>Resume</button>
              ) : null}
              <button type="button" className="button small" onClick={() => write(addMinute(state, timer.serverNow()))}>+1 min</button>
              <button type="button" className="button small" onClick={() => write(resetTimer(state))}>Reset</button>
              <button type="button" className="button small" onClick={() => (write(null), setOpen(false))}>Clear</button>
            </div>
          )}
          <p className="timer-label">Start a countdown for everyone</p>
          <div className="timer-row">
            {PRESET_MINUTES.map((minutes) => (
              <button key={minutes} type="button" className="button small" onClick={() => start(minutes * MINUTE_MS)}>
                {minutes} min
              </button>
            ))}
          </div>
          <form
            className="timer-row"
            onSubmit={(event) => {
              event.preventDefault();
              if (customMs !== null) start(customMs);
            }}
          >
            <label>
              Minutes <input className="timer-custom" inputMode="decimal" value={custom} onChange={(e) => setCustom(e.target.value)} aria-invalid={custom !== '' && customMs === null} size={4} />
            </label>
            <button type="submit" className="button small primary" disabled={customMs === null}>Start</button>
          </form>
        </div>
      )}
      <span className="sr-only" aria-live="assertive" aria-atomic="true">{timer.announcement}</span>
    </div>
  );
}

function BellIcon({ muted }: { muted: boolean }) {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      {muted && <path d="M3 3l18 18" />}
    </svg>
  );
}
