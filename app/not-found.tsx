/** The 404 page: unknown threads, messages and scenarios end here, never in a server error. */
export default function NotFound() {
  return (
    <section>
      <h1>Not found</h1>
      <p>
        Nothing in threadlab has that address. Start from the <a href="/">home page</a>.
      </p>
    </section>
  );
}
