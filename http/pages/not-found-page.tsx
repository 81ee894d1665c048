import { Layout, type PageContext } from "./layout.tsx";

/** The HTML 404 for browsers (API clients get the problem JSON). */
export function NotFoundPage(props: { readonly page: PageContext }) {
  const { t } = props.page;
  return (
    <Layout page={props.page} title={t.notFoundTitle}>
      <h1>{t.notFoundTitle}</h1>
      <p>{t.notFoundText}</p>
      <p>
        <a href="/">{t.backHome}</a>
      </p>
    </Layout>
  );
}
