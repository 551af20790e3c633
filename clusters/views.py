"""Explore pages: clusters, pathways, occupations, search, compare and saved careers.

Views are thin: a form (clusters.forms) reads and checks the query string, then the view
calls a selector, search or service function, and renders. Lists that htmx updates in place
come back as template partials.
"""

from urllib.parse import urlsplit

from django.core.paginator import Paginator
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.middleware import HtmxDetails

from clusters import selectors
from clusters.forms import OccupationListForm, SearchForm
from clusters.search import search_occupations
from clusters.selectors import data_releases
from clusters.services import MAX_SAVED, SavedListFull, saved_codes, toggle_saved
from clusters.wording import JOB_ZONE_WORDS
from core.page_cache import same_for_everyone, shared_page

SEARCH_PAGE_SIZE = 20
COMPARE_MIN, COMPARE_MAX = 2, 4
# Searches offered as links; each language's are words its students would type.
SEARCH_SUGGESTIONS = [
    pgettext_lazy("search suggestion", "nurse"),
    pgettext_lazy("search suggestion", "video games"),
    pgettext_lazy("search suggestion", "electrician"),
    pgettext_lazy("search suggestion", "take care of kids"),
    pgettext_lazy("search suggestion", "draw pictures"),
]


def _htmx_target(request) -> str | None:
    """The id htmx will swap, for a normal (not history-restore) htmx request."""
    htmx: HtmxDetails | None = getattr(request, "htmx", None)
    if not htmx or htmx.history_restore_request:
        return None
    return htmx.target


def _saved_careers(request, *args, **kwargs) -> str:
    """Explore pages differ between visitors only in which careers they have saved."""
    return ",".join(sorted(saved_codes(session=request.session)))


@require_GET
@shared_page(same_for_everyone)
def about_data(request):
    return render(request, "clusters/about_data.html", {"releases": data_releases()})


# -- Clusters -------------------------------------------------------------------------------


@require_GET
@shared_page(same_for_everyone)
def cluster_index(request):
    frameworks = selectors.frameworks()
    framework = selectors.pick_framework(frameworks, request.GET.get("framework"))
    if framework is None:
        raise Http404("No such framework")
    return render(
        request,
        "clusters/index.html",
        {
            "framework": framework,
            "other_frameworks": [f for f in frameworks if f.pk != framework.pk],
            "summaries": selectors.cluster_summaries(framework=framework),
        },
    )


def _list_context(request, form: OccupationListForm, page) -> dict:
    return {
        "form": form,
        "filters": form.filters(),
        "page_obj": page,
        "saved": set(saved_codes(session=request.session)),
    }


@require_GET
@vary_on_headers("HX-Request")
@shared_page(_saved_careers)
def cluster_detail(request, slug: str):
    cluster = selectors.cluster_by_slug(slug=slug)
    if cluster is None:
        raise Http404("No such cluster")
    form = OccupationListForm(request.GET)
    page = selectors.cluster_occupations(
        cluster=cluster, filters=form.filters(), page=form.values["page"]
    )
    context = {"cluster": cluster, **_list_context(request, form, page)}
    if _htmx_target(request) == "occupation-list":
        return render(request, "clusters/cluster.html#occupation_list", context)
    context["pathways"] = selectors.cluster_pathways(cluster=cluster)
    return render(request, "clusters/cluster.html", context)


@require_GET
@vary_on_headers("HX-Request")
@shared_page(_saved_careers)
def pathway_detail(request, cluster_slug: str, pathway_slug: str):
    pathway = selectors.pathway_by_slugs(cluster_slug=cluster_slug, pathway_slug=pathway_slug)
    if pathway is None:
        raise Http404("No such pathway")
    form = OccupationListForm(request.GET)
    page = selectors.pathway_occupations(
        pathway=pathway, filters=form.filters(), page=form.values["page"]
    )
    context = {
        "pathway": pathway,
        "cluster": pathway.cluster,
        **_list_context(request, form, page),
    }
    if _htmx_target(request) == "occupation-list":
        return render(request, "clusters/pathway.html#occupation_list", context)
    programmes = selectors.pathway_programmes(pathway=pathway)
    context.update(
        programmes=programmes,
        more_programmes=max(pathway.programme_count - len(programmes), 0),
        local_programmes=selectors.local_programmes_for(pathway=pathway),
    )
    return render(request, "clusters/pathway.html", context)


# -- Occupation -----------------------------------------------------------------------------


@require_GET
@shared_page(_saved_careers)
def occupation_detail(request, code: str):
    page = selectors.occupation_page(code=code)
    if page is None:
        raise Http404("No such occupation")
    occupation = page.occupation
    return render(
        request,
        "clusters/occupation.html",
        {
            "page": page,
            "o": occupation,
            "saved": set(saved_codes(session=request.session)),
            "zone": JOB_ZONE_WORDS.get(occupation.job_zone_id),
            "more_programmes": max(page.programme_count - len(page.programmes), 0),
        },
    )


# -- Search ---------------------------------------------------------------------------------


@require_GET
@vary_on_headers("HX-Request")
@shared_page(_saved_careers)
def search(request):
    form = SearchForm(request.GET, clusters=selectors.all_clusters())
    values = form.values
    query = values["q"]
    result = None
    page = None
    if query:
        result = search_occupations(
            query=query,
            cluster=values["cluster"] or None,
            job_zone=values["zone"],
            bright=values["bright"],
        )
        page = selectors.page_of(Paginator(result.hits, SEARCH_PAGE_SIZE), values["page"])
        page.occupations = selectors.occupations_by_id(ids=[h.occupation_id for h in page])
    context = {
        "form": form,
        "query": query,
        "result": result,
        "page_obj": page,
        "filter_count": sum(bool(values[name]) for name in ("cluster", "zone", "bright")),
        "saved": set(saved_codes(session=request.session)),
        "suggestions": SEARCH_SUGGESTIONS,
    }
    if _htmx_target(request) == "search-results":
        return render(request, "clusters/search.html#results", context)
    return render(request, "clusters/search.html", context)


# -- Compare --------------------------------------------------------------------------------


@require_GET
@shared_page(_saved_careers)
def compare(request):
    codes = list(dict.fromkeys(c.strip() for c in request.GET.getlist("o") if c.strip()))
    context = {"codes": codes, "saved_count": len(saved_codes(session=request.session))}
    if not codes:
        return render(request, "clusters/compare.html", context)
    error = None
    occupations = []
    if len(codes) < COMPARE_MIN:
        error = _("Pick at least two careers to compare.")
    elif len(codes) > COMPARE_MAX:
        error = _("You can compare up to %(max)s careers at a time. Pick fewer.") % {
            "max": COMPARE_MAX
        }
    else:
        occupations = selectors.occupations_by_code(codes=codes, with_tasks=True)
        unknown = [c for c in codes if c not in {o.code for o in occupations}]
        if unknown:
            error = _("We could not find %(codes)s. Check the link and try again.") % {
                "codes": ", ".join(unknown)
            }
            occupations = []
    if error:
        context.update(error=error, known=selectors.occupations_by_code(codes=codes[:10]))
        return render(request, "clusters/compare.html", context, status=400)
    context["occupations"] = occupations
    return render(request, "clusters/compare.html", context)


# -- Saved careers --------------------------------------------------------------------------


@require_GET
@shared_page(_saved_careers)
def saved(request):
    codes = saved_codes(session=request.session)
    occupations = selectors.occupations_by_code(codes=codes)
    context = {"occupations": occupations, "saved": set(codes)}
    return render(request, "clusters/saved.html", context | _compare_tools(occupations))


def _compare_tools(occupations: list) -> dict:
    """What My careers offers for comparing the careers still saved."""
    return {
        "compare_occupations": occupations,
        "compare_max": COMPARE_MAX,
        "compare_url": (
            reverse("clusters:compare") + "?" + "&".join(f"o={o.code}" for o in occupations)
            if COMPARE_MIN <= len(occupations) <= COMPARE_MAX
            else ""
        ),
    }


@require_POST
def save(request):
    code = request.POST.get("code", "")
    found = selectors.occupations_by_code(codes=[code])
    if not found:
        return render(request, "400.html", status=400)
    occupation = found[0]
    full = False
    try:
        now_saved = toggle_saved(session=request.session, code=occupation.code)
    except SavedListFull:
        now_saved, full = False, True
    next_url = _return_path(request, fallback=reverse("clusters:saved"))
    if request.htmx:
        context = {
            "o": occupation,
            "saved": {occupation.code} if now_saved else set(),
            "just_changed": True,
            "full": full,
            "max_saved": MAX_SAVED,
            "next_url": next_url,
        }
        if urlsplit(next_url).path == reverse("clusters:saved"):  # its compare list changed too
            codes = saved_codes(session=request.session)
            compare = _compare_tools(selectors.occupations_by_code(codes=codes))
            context |= compare | {"compare_oob": True}
        return render(request, "clusters/_save_button.html", context)
    return HttpResponseRedirect(next_url)


def _same_site_path(url: str, request) -> str | None:
    """`url` if it is a path on this site (not a URL name, not another host), else None."""
    if not url.startswith("/") or url.startswith(("//", "/\\")):
        return None
    if not url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return None
    return url


def _return_path(request, *, fallback: str) -> str:
    """Where a Save button sends the student back to: the `next` path the button carries,
    else the page the button was on (the Referer, when it is this site), else `fallback`."""
    if path := _same_site_path(request.POST.get("next", ""), request):
        return path
    referer = urlsplit(request.headers.get("Referer", ""))
    if referer.netloc == request.get_host() and referer.path:
        referer_path = referer.path + (f"?{referer.query}" if referer.query else "")
        if path := _same_site_path(referer_path, request):
            return path
    return fallback
