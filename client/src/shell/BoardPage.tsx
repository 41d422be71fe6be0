import { useEffect, useMemo, useState } from 'react';
import { type Role } from '@pc/shared';
import { ApiError, fetchBoard } from '../collab/api';
import { useValue } from '../lib/hooks';
import { BoardSession } from '../collab/session';
import { RefusalNotice } from '../facilitation/locks/RefusalNotice';
import { findRecentBoard } from '../collab/recentBoards';
import { createValueStore, type ValueStore } from '../lib/valueStore';
import type { ConnectionState } from '../collab/connection';
import { BoardWorkspace } from './BoardWorkspace';
import { hashWithView, openingView, viewFromHash } from './boardView';
import { ReviewBanner } from '../review/ReviewBanner';
import { ReviewPointsControl } from '../review/ReviewPointsControl';
import { useReviewView } from '../review/useReviewView';
import { useCompareView } from '../review/useCompareView';
import { LogoMark } from '../ui-kit/icons';
import { NameDialog } from './NameDialog';
import { useIdentity, watchUnnamedPreference } from './useIdentity';
import { recentBoardsNow, remember } from './useRecentBoards';

interface BoardInfoState {
  title: string;
  role: Role | null;
}

/**
 * Opens one board: resolves the token (fragment, else this device's memory of the
 * board), asks the server who we are, and starts the collaboration session.
 * Offline, it falls back to what this device remembers so the board still opens.
 */
export function BoardPage({ boardId, token: tokenFromUrl }: { boardId: string; token: string | null }) {
  const [savedIdentity, setIdentity] = useIdentity();
  const remembered = findRecentBoard(recentBoardsNow(), boardId);
  const token = tokenFromUrl ?? remembered?.token ?? null;
  const [info, setInfo] = useState<BoardInfoState>({ title: remembered?.title ?? '', role: remembered?.role ?? null });
  /**
   * A viewer may skip the name prompt and appear as "Viewer"; the device remembers
   * the choice for view links (a room screen is not asked on every reload). An edit
   * or owner link still asks, since others see who changed what.
   */
  const [watchUnnamed] = useState(watchUnnamedPreference);
  const [skippedNow, setSkippedNow] = useState(false);
  const skippedName = info.role === 'view' && (skippedNow || watchUnnamed.remembered);
  const identity = useMemo(() => (skippedName && !savedIdentity.confirmed ? { ...savedIdentity, name: VIEWER_NAME } : savedIdentity), [skippedName, savedIdentity]);
  const [fatal, setFatal] = useState<string | null>(null);
  const [session, setSession] = useState<BoardSession | null>(null);
  /** Bumped to open the board afresh after the server refused a change of this copy. */
  const [generation, setGeneration] = useState(0);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [retry, setRetry] = useState(0);
  /** The last board lookup failed on the network: try again once the socket is back. */
  const [lookupFailed, setLookupFailed] = useState(false);
  const [syncUrls, setSyncUrls] = useState<string[] | undefined>(undefined);

  useEffect(() => {
    // The link lost its fragment but this device knows the board: put the token back
    // where it belongs (the fragment only), so reloads and copies of the URL work.
    if (!tokenFromUrl && token) {
      const view = viewFromHash(location.hash);
      const hash = `#t=${encodeURIComponent(token)}`;
      history.replaceState(null, '', `${location.pathname}${location.search}${view ? hashWithView(hash, view) : hash}`);
    }
  }, [tokenFromUrl, token]);

  useEffect(() => {
    if (!token) return;
    const created = new BoardSession({
      boardId,
      token,
      user: { name: identity.name, colour: identity.colour },
      view: openingView(boardId),
    });
    setSession(created);
    let discarding = false;
    const stopRefused = created.refused.subscribe(() => {
      const reason = created.refused.get();
      if (!reason || discarding) return;
      discarding = true;
      setRefusal(reason);
      // Drop this copy and its offline copy, then load the board from the server: nothing refused is kept.
      void created.discard().then(() => setGeneration((n) => n + 1));
    });
    return () => {
      stopRefused();
      if (!discarding) created.destroy();
    };
    // The session lives as long as the board and token; identity changes are pushed separately.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see above
  }, [boardId, token, generation]);

  useEffect(() => {
    if (session && syncUrls) session.failOverTo(syncUrls);
  }, [session, syncUrls]);

  useEffect(() => {
    session?.setUser({ name: identity.name, colour: identity.colour });
  }, [session, identity.name, identity.colour]);

  useEffect(() => {
    if (!token) return;
    let cancelled = false;
    fetchBoard(boardId, token).then(
      (board) => {
        if (cancelled) return;
        setLookupFailed(false);
        setInfo({ title: board.title, role: board.role });
        if (board.syncUrls) setSyncUrls(board.syncUrls);
        remember({ id: boardId, title: board.title, role: board.role, token, lastOpened: Date.now() });
      },
      (error: unknown) => {
        if (cancelled) return;
        if (error instanceof ApiError && (error.kind === 'unauthorised' || error.kind === 'forbidden' || error.kind === 'not-found')) {
          setFatal(error.message);
        } else {
          // Network trouble: keep what this device remembers and try again once the socket is back.
          setLookupFailed(true);
        }
      },
    );
    return () => {
      cancelled = true;
    };
  }, [boardId, token, retry]);

  const connection = useValue<ConnectionState | null>((session?.connection as ValueStore<ConnectionState | null> | undefined) ?? NULL_CONNECTION_STORE);
  useEffect(() => {
    // Only after a failed lookup: the socket often connects before the first lookup answers.
    if (connection?.status === 'connected' && lookupFailed) setRetry((n) => n + 1);
  }, [connection?.status, lookupFailed]);

  // Fall back to the title stored in the document when the API is unreachable.
  const [docTitle, setDocTitle] = useState('');
  useEffect(() => {
    if (!session) return;
    const meta = session.doc.getMap('meta');
    const read = () => setDocTitle(session.meta().title);
    read();
    meta.observe(read);
    const stopConnection = session.connection.subscribe(read);
    return () => {
      meta.unobserve(read);
      stopConnection();
    };
  }, [session]);

  const title = info.title || docTitle;
  const reviewUser = useMemo(() => ({ name: identity.name, colour: identity.colour }), [identity.name, identity.colour]);
  const review = useReviewView(boardId, token, reviewUser);
  const comparing = useCompareView(boardId, token, reviewUser, review);
  useEffect(() => {
    document.title = title ? `${title} · Partnership Canvas` : 'Partnership Canvas';
  }, [title]);

  if (!token) {
    return <ProblemPage title="This link is missing its access key" message="Board links look like /b/…#t=…. Ask the facilitator to send the full link again." />;
  }
  const accessProblem = connection?.accessProblem ?? null;
  if (fatal || accessProblem) {
    return <ProblemPage title="Cannot open this board" message={fatal ?? 'This link does not give access to this board. Ask the facilitator for a new one.'} />;
  }
  if (!session) return null;
  return (
    <>
      <BoardWorkspace
        key={review.viewing?.point.id ?? 'live'}
        session={review.viewing?.session ?? session}
        title={title}
        role={review.viewing ? 'view' : info.role}
        identity={identity}
        onIdentity={setIdentity}
        headerActions={<ReviewPointsControl boardId={boardId} token={token} role={info.role} author={identity.name} onOpen={review.open} onShowOnCanvas={comparing.start} />}
        banner={review.viewing && <ReviewBanner point={review.viewing.point} onBack={review.close} />}
        compare={comparing.comparing}
        onCloseCompare={comparing.close}
      />
      {refusal && <RefusalNotice message={refusal} onDismiss={() => setRefusal(null)} />}
      {!identity.confirmed && !skippedName && (
        <NameDialog
          identity={identity}
          title="Join the board"
          submitLabel="Join board"
          onSave={setIdentity}
          onSkip={
            info.role === 'view'
              ? () => {
                  watchUnnamed.remember();
                  setSkippedNow(true);
                }
              : undefined
          }
        />
      )}
    </>
  );
}

const VIEWER_NAME = 'Viewer';

const NULL_CONNECTION_STORE = createValueStore<ConnectionState | null>(null);

export function ProblemPage({ title, message }: { title: string; message: string }) {
  return (
    <main className="problem-page">
      <a href="/" className="brand-line">
        <LogoMark /> Partnership Canvas
      </a>
      <div className="card">
        <h1>{title}</h1>
        <p>{message}</p>
        <a className="button primary" href="/">
          Go to the home page
        </a>
      </div>
    </main>
  );
}
