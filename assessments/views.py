"""Quiz and results pages. Thin: parse input, call a service or selector, render.

Every form works as a plain POST -> redirect -> GET; htmx only adds saving each answer
the moment it is given and filtering results in place.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from assessments import browser_attempts, selectors, services
from assessments.forms import AnswersForm, PlanFilterForm, PlanForm
from assessments.models import Assessment, Attempt
from clusters import selectors as cluster_selectors
from clusters.services import saved_codes
from core.page_cache import same_for_everyone, shared_page

# ---------------------------------------------------------------------------------------
# Home page: the quiz first, then the clusters, then search


def _home_context(request: HttpRequest) -> dict:
    frameworks = cluster_selectors.frameworks()
    framework = cluster_selectors.pick_framework(frameworks, None)
    quizzes = sorted(selectors.published_assessments(), key=lambda a: (a.minutes, a.pk))
    return {
        "quick_quiz": quizzes[0] if quizzes else None,
        "framework": framework,
        "clusters": cluster_selectors.clusters_of(framework=framework) if framework else [],
        "other_frameworks": [f for f in frameworks if framework and f.pk != framework.pk],
    }


@shared_page(same_for_everyone)
def _home_for_everyone(request: HttpRequest) -> HttpResponse:
    return render(request, "home.html", _home_context(request))


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """A first visit gets the shared (cached) page; a returning student, who has quiz links or
    saved careers in this browser, gets their own: it names private links, so it is never
    shared."""
    tokens = browser_attempts.tokens(request)
    saved = saved_codes(session=request.session)
    if not tokens and not saved:
        return _home_for_everyone(request)
    unfinished = selectors.unfinished_attempts(tokens=tokens)
    earlier = selectors.earlier_attempts(tokens=tokens)
    context = _home_context(request) | {
        "returning": True,
        "unfinished": unfinished[:1],
        "latest": earlier[:1],
        "saved_count": len(saved),
    }
    response = render(request, "home.html", context)
    response["Cache-Control"] = "private, no-cache"
    return response


# ---------------------------------------------------------------------------------------
# Helpers


def _attempt_or_404(token: str) -> Attempt:
    attempt = selectors.attempt_for_token(token=token)
    if attempt is None:
        raise Http404("No quiz with that link.")
    return attempt


def _private(response: HttpResponse) -> HttpResponse:
    """Pages behind a private link: never indexed, never cached by shared caches."""
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _problem(
    request: HttpRequest, *, status: int, heading: str, message: str, attempt=None
) -> HttpResponse:
    template = "assessments/problem.html#message" if request.htmx else "assessments/problem.html"
    return _private(
        render(
            request,
            template,
            {"heading": heading, "message": message, "attempt": attempt, "status": status},
            status=status,
        )
    )


def _finished(request: HttpRequest, attempt: Attempt) -> HttpResponse:
    return _problem(
        request,
        status=409,
        heading=_("This quiz is already finished"),
        message=_(
            "Your answers were saved when you finished, and they can no longer change. "
            "Your results are ready."
        ),
        attempt=attempt,
    )


def _bad_answer(request: HttpRequest, message: str, attempt=None) -> HttpResponse:
    return _problem(
        request,
        status=400,
        heading=_("We could not save that answer"),
        message=_("%(problem)s Nothing you saved before has been lost: go back and try again.")
        % {"problem": message},
        attempt=attempt,
    )


def _page_url(attempt: Attempt, number: int, *, check: bool = False) -> str:
    url = reverse("assessments:page", args=[attempt.token, number])
    return f"{url}?check=1#problems" if check else url


def _first_open_page(pages: list[list[selectors.QuizItem]]) -> int | None:
    for number, items in enumerate(pages, start=1):
        if any(item.answer is None for item in items):
            return number
    return None


def _load_pages(attempt: Attempt) -> list[list[selectors.QuizItem]]:
    items = selectors.attempt_items(attempt=attempt)
    return selectors.pages(items=items, per_page=attempt.assessment.items_per_page)


# ---------------------------------------------------------------------------------------
# Start


@require_GET
@never_cache
def start(request: HttpRequest) -> HttpResponse:
    tokens = browser_attempts.tokens(request)
    return render(
        request,
        "assessments/start.html",
        {
            "assessments": selectors.published_assessments(),
            "unfinished": selectors.unfinished_attempts(tokens=tokens),
            "earlier": selectors.earlier_attempts(tokens=tokens),
        },
    )


@require_POST
def begin(request: HttpRequest, slug: str) -> HttpResponse:
    assessment = get_object_or_404(Assessment, slug=slug, is_published=True)
    attempt = services.start_attempt(assessment=assessment)
    browser_attempts.remember(request, attempt)
    return redirect(_page_url(attempt, 1))


@require_GET
@never_cache
def resume(request: HttpRequest, token: str) -> HttpResponse:
    """The private link: back to where the student stopped, on any device."""
    attempt = _attempt_or_404(token)
    browser_attempts.remember(request, attempt)
    if attempt.is_complete:
        return redirect("assessments:results", attempt.token)
    number = _first_open_page(_load_pages(attempt))
    if number is None:
        return redirect("assessments:plan", attempt.token)
    return redirect(_page_url(attempt, number))


# ---------------------------------------------------------------------------------------
# Quiz pages


@require_http_methods(["GET", "POST"])
@never_cache
def page(request: HttpRequest, token: str, number: int) -> HttpResponse:
    attempt = _attempt_or_404(token)
    if request.method == "POST":
        return _save_page(request, attempt, number)
    if attempt.is_complete:
        return redirect("assessments:results", attempt.token)
    # Not remembered here: starting, the private link and saving answers already did that.
    pages = _load_pages(attempt)
    if not 1 <= number <= len(pages):
        raise Http404("No such page in this quiz.")
    items = pages[number - 1]
    first = sum(len(p) for p in pages[: number - 1])
    check = request.GET.get("check") == "1"
    missing = [item for item in items if item.answer is None] if check else []
    missing_ids = {item.id for item in missing}
    form = AnswersForm(items=items, missing_ids=missing_ids)
    answered, total_items = _progress(pages)
    return _private(
        render(
            request,
            "assessments/page.html",
            {
                "attempt": attempt,
                "assessment": attempt.assessment,
                "number": number,
                "page_count": len(pages),
                "items": [
                    (first + i, item, field)
                    for i, (item, field) in enumerate(form.rows(), start=1)
                ],
                "missing": missing,
                "missing_ids": missing_ids,
                "answered": answered,
                "total_items": total_items,
                "private_link": request.build_absolute_uri(
                    reverse("assessments:resume", args=[attempt.token])
                ),
            },
        )
    )


def _progress(pages) -> tuple[int, int]:
    """(answered, total) statements over all pages."""
    items = [item for page_items in pages for item in page_items]
    return sum(item.answer is not None for item in items), len(items)


def _save_posted(
    request: HttpRequest, attempt: Attempt, *, require_answer: bool
) -> tuple[dict[int, int], HttpResponse | None]:
    """Save the posted answers: (answers, None), or (answers, an error response to return)."""
    form = AnswersForm(request.POST, require_answer=require_answer)
    if not form.is_valid():
        return {}, _bad_answer(request, form.message, attempt)
    answers = form.answers()
    try:
        services.save_answers(attempt=attempt, answers=answers)
    except services.AttemptFinished:
        return answers, _finished(request, attempt)
    except services.BadAnswer as error:
        return answers, _bad_answer(request, str(error), attempt)
    browser_attempts.remember(request, attempt)
    return answers, None


def _save_page(request: HttpRequest, attempt: Attempt, number: int) -> HttpResponse:
    if attempt.is_complete:
        return _finished(request, attempt)
    _, problem = _save_posted(request, attempt, require_answer=False)
    if problem:
        return problem
    pages = _load_pages(attempt)
    if not 1 <= number <= len(pages):
        raise Http404("No such page in this quiz.")
    if request.POST.get("action") == "back":
        if number == 1:
            return redirect("assessments:start")
        return redirect(_page_url(attempt, number - 1))
    if any(item.answer is None for item in pages[number - 1]):
        return redirect(_page_url(attempt, number, check=True))
    if number < len(pages):
        return redirect(_page_url(attempt, number + 1))
    return redirect("assessments:plan", attempt.token)


@require_POST
@never_cache  # the saved answer, for this student only
def answer(request: HttpRequest, token: str) -> HttpResponse:
    """Save answers the moment they are given (htmx posts one); plain posts get redirected."""
    attempt = _attempt_or_404(token)
    answers, problem = _save_posted(request, attempt, require_answer=True)
    if problem:
        return problem
    pages = _load_pages(attempt)
    if not request.htmx:
        saved = set(answers)
        for number, items in enumerate(pages, start=1):
            if any(item.id in saved for item in items):
                return redirect(_page_url(attempt, number))
        return redirect("assessments:resume", attempt.token)
    answered, total_items = _progress(pages)
    return _private(
        render(
            request,
            "assessments/page.html#answer_saved",
            {"saved_ids": sorted(answers), "answered": answered, "total_items": total_items},
        )
    )


@require_http_methods(["GET", "POST"])
@never_cache
def plan(request: HttpRequest, token: str) -> HttpResponse:
    """The optional last step: how much education or training the student plans."""
    attempt = _attempt_or_404(token)
    if request.method == "GET" and attempt.is_complete:
        return redirect("assessments:results", attempt.token)
    if request.method == "POST":
        if attempt.is_complete:
            return _finished(request, attempt)
        pages = _load_pages(attempt)
        if request.POST.get("action") == "back":
            return redirect(_page_url(attempt, max(1, len(pages))))
        form = PlanForm(request.POST)
        if not form.is_valid():
            return _problem(
                request,
                status=400,
                heading=_("We could not use that answer"),
                message=_("%(problem)s Your quiz answers are all still saved.")
                % {"problem": form.message},
                attempt=attempt,
            )
        try:
            services.complete_attempt(attempt=attempt, education_plan=form.cleaned_data["plan"])
        except services.AttemptFinished:
            return _finished(request, attempt)
        except services.Incomplete:
            number = _first_open_page(pages) or 1
            return redirect(_page_url(attempt, number, check=True))
        except services.QuizError as error:
            return _bad_answer(request, str(error), attempt)
        browser_attempts.remember(request, attempt)
        return redirect("assessments:results", attempt.token)
    browser_attempts.remember(request, attempt)
    pages = _load_pages(attempt)
    number = _first_open_page(pages)
    if number is not None:
        return redirect(_page_url(attempt, number, check=True))
    return _private(
        render(
            request,
            "assessments/plan.html",
            {
                "attempt": attempt,
                "assessment": attempt.assessment,
                "page_count": len(pages),
                "form": PlanForm(saved_plan=attempt.education_plan),
            },
        )
    )


# ---------------------------------------------------------------------------------------
# Results


@require_GET
@never_cache
@vary_on_headers("HX-Request")
def results(request: HttpRequest, token: str) -> HttpResponse:
    attempt = _attempt_or_404(token)
    if not attempt.is_complete:
        return redirect("assessments:resume", attempt.token)
    framework = request.GET.get("framework") or None
    plan_form = PlanFilterForm(request.GET, saved_plan=attempt.education_plan)
    browser_attempts.remember(request, attempt)
    partial = bool(request.htmx) and not request.htmx.history_restore_request
    try:
        context = selectors.results_page(
            attempt=attempt,
            framework=framework,
            education_plan=plan_form.education_plan,
            browser_tokens=browser_attempts.tokens(request),
            with_extras=not partial,
        )
    except LookupError:
        raise Http404("No such Career Clusters framework.") from None
    context["private_link"] = request.build_absolute_uri(
        reverse("assessments:results", args=[attempt.token])
    )
    context["plan_form"] = plan_form
    context["saved"] = set(saved_codes(session=request.session))
    template = "assessments/results.html" + ("#matches" if partial else "")
    return _private(render(request, template, context))
