"""A browser context for the children's survey screens, as the survey browser tests open them."""

WEATHER = "<!DOCTYPE html><html lang=en><title>Weather</title><h1>Weather</h1></html>"


def child_context(browser, live_app, console_messages=True, **options):
    """(context, page): Quick exit's neutral site stood in for, and the page's script errors (and,
    with `console_messages`, its console errors) kept in `page.console_errors`."""
    options.setdefault("viewport", {"width": 1280, "height": 900})
    context = browser.new_context(base_url=live_app.base_url, locale="en-GB", **options)
    context.route(
        "https://www.bbc.co.uk/**",
        lambda route: route.fulfill(status=200, content_type="text/html", body=WEATHER),
    )
    page = context.new_page()
    page.console_errors = []
    page.on("pageerror", lambda exc: page.console_errors.append(str(exc)))
    if console_messages:
        page.on(
            "console",
            lambda msg: page.console_errors.append(msg.text) if msg.type == "error" else None,
        )
    return context, page
