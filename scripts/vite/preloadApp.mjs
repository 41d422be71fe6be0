// A Vite plugin: the page's first script is small (it opens the board's socket)
// and loads the app with a dynamic import. So that the app's script is not
// fetched only after the first one has run, index.html asks for it at once
// (`modulepreload`, with the chunks it imports and its stylesheet).
export function preloadApp(entry = 'appStart.tsx') {
  return {
    name: 'pc-preload-app',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const bundle = ctx.bundle ?? {};
        const app = Object.values(bundle).find((chunk) => chunk.type === 'chunk' && chunk.facadeModuleId?.endsWith(`/${entry}`));
        if (!app) throw new Error(`preloadApp: no chunk for ${entry}`);
        const scripts = [app.fileName, ...app.imports];
        const styles = [...(app.viteMetadata?.importedCss ?? [])];
        return [
          ...styles.map((file) => ({ tag: 'link', attrs: { rel: 'stylesheet', crossorigin: true, href: `/${file}` }, injectTo: 'head' })),
          ...scripts.map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` }, injectTo: 'head' })),
        ];
      },
    },
  };
}
