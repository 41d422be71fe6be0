import { useEffect, useState } from 'react';
import { parseRoute, type Route } from './routing';
import { BoardPage, ProblemPage } from './shell/BoardPage';
import { HomePage } from './shell/HomePage';

const currentRoute = (): Route => parseRoute(location.pathname, location.hash);

/** Two pages and plain links between them: a full load per board keeps sessions simple. */
export function App() {
  const [route, setRoute] = useState(currentRoute);
  useEffect(() => {
    // Pasting another link of the same board (say, the view link) changes only the fragment.
    const update = () => setRoute(currentRoute());
    window.addEventListener('hashchange', update);
    window.addEventListener('popstate', update);
    return () => {
      window.removeEventListener('hashchange', update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  switch (route.page) {
    case 'home':
      return <HomePage />;
    case 'board':
      return <BoardPage key={`${route.boardId}#${route.token ?? ''}`} boardId={route.boardId} token={route.token} />;
    default:
      return <ProblemPage title="Page not found" message="There is nothing at this address. Board links look like /b/…#t=…." />;
  }
}
