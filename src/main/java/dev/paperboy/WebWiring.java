package dev.paperboy;

import dev.paperboy.api.Caller;
import dev.paperboy.api.CollectionApi;
import dev.paperboy.api.HealthApi;
import dev.paperboy.api.Json;
import dev.paperboy.api.ListApi;
import dev.paperboy.api.PaperApi;
import dev.paperboy.api.SearchApi;
import dev.paperboy.community.CommentMarkdown;
import dev.paperboy.api.SubmissionApi;
import dev.paperboy.community.ModerationStore;
import dev.paperboy.community.PaperCounts;
import dev.paperboy.hub.CachedCommunity;
import dev.paperboy.hub.Community;
import dev.paperboy.hub.HubLists;
import dev.paperboy.ingest.harvest.HarvestScheduler;
import dev.paperboy.lens.LensCache;
import dev.paperboy.lens.LensExtractor;
import dev.paperboy.search.SearchService;
import dev.paperboy.web.AccountExport;
import dev.paperboy.web.AccountPages;
import dev.paperboy.web.AdminPages;
import dev.paperboy.web.CommunitySlots;
import dev.paperboy.web.ApiDocsPage;
import dev.paperboy.web.CommentApi;
import dev.paperboy.web.CommentPages;
import dev.paperboy.web.CollectRoutes;
import dev.paperboy.web.CollectionPages;
import dev.paperboy.web.Conditional;
import dev.paperboy.web.Csrf;
import dev.paperboy.web.ErrorPages;
import dev.paperboy.web.FeedPages;
import dev.paperboy.web.ListPages;
import dev.paperboy.web.PageSlots;
import dev.paperboy.web.PaperPages;
import dev.paperboy.web.Routes;
import dev.paperboy.web.SearchPages;
import dev.paperboy.web.SignedIn;
import dev.paperboy.web.SubmitPages;
import dev.paperboy.web.Templates;
import dev.paperboy.web.Visitors;
import dev.paperboy.web.VotePages;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The composition root's web part: the handlers of the site and the API over the app's stores and services. */
final class WebWiring {

    private final App app;

    WebWiring(App app) {
        this.app = app;
    }

    /** The web's handlers over the stores, sharing one JSON writer, one set of templates and one lens cache. */
    Routes routes(Optional<SearchService> searchService) {
        Json json = new Json();
        Templates templates = Templates.precompiled();
        LensCache lenses = new LensCache(new LensExtractor(), PaperPages.LENS_CACHE);
        CachedCommunity here = listCommunity();
        Visitors visitors = visitors();
        Routes.Accounts accounts = webAccounts(templates, json, visitors, here);
        Routes.Comments comments = comments(visitors, here, templates, json);
        SearchPages searchPages = new SearchPages(searchService, templates, app.config().pageSize(), here);
        PaperPages paperPages = new PaperPages(app.papers(), lenses, templates, app.config().pageSize(), app.config().baseUrl(),
                () -> app.harvestScheduler().map(HarvestScheduler::status).orElse(List.of()), searchPages, here,
                comments.pages())
                .showingHiddenTo(ctx -> visitors.signedIn(ctx).map(SignedIn::admin).orElse(false));
        Conditional conditional = new Conditional(app.clock());
        FeedPages feeds = new FeedPages(app.papers(), searchService, lenses, conditional, app.config().baseUrl(),
                app.config().pageSize(), App.VERSION, here);
        HubLists hubLists = new HubLists(app.papers(), here, app.clock(), app.config().pageSize(), HubLists.REUSE_AFTER_WRITE,
                HubLists.MAX_AGE);
        ListPages listPages = new ListPages(hubLists, app.papers(), searchService, lenses, templates, app.config().pageSize(),
                paperPages);
        return new Routes(paperPages, searchPages, new PaperApi(app.papers(), lenses, json, here),
                new SearchApi(searchService, app.papers(), lenses, json, here),
                new HealthApi(app.papers(), app.clock(), json, app::embeddingBacklog), new ErrorPages(templates, json),
                feeds, new ApiDocsPage(templates, conditional), conditional,
                listPages, new ListApi(hubLists, lenses, json), accounts, comments)
                .with(new VotePages(visitors, app.papers(), app.community().votes(), here, templates, json))
                .with(new AdminPages(visitors, app.accounts().users(), app.papers(), app.community().comments(),
                        app.community().moderation(), here, templates))
                .with(collectRoutes(visitors, templates, json, lenses, here, conditional, hubLists, paperPages));
    }

    /** The paper pages' Discussion section, its forms and the API's comment routes (docs/community.md). */
    private Routes.Comments comments(Visitors visitors, CachedCommunity here, Templates templates, Json json) {
        App.CommunityStores c = app.community();
        CommentPages pages = new CommentPages(visitors, c.comments(), c.moderation(), app.papers(), here,
                new CommentMarkdown(), templates, app.clock());
        return new Routes.Comments(pages, new CommentApi(pages, c.comments(), visitors, json));
    }

    /** Submitting, collections and profiles: their pages and API (docs/community.md). */
    private CollectRoutes collectRoutes(Visitors visitors, Templates templates, Json json, LensCache lenses,
            Community here, Conditional conditional, HubLists hubLists, PaperPages paperPages) {
        App.CommunityStores c = app.community();
        CollectionPages collections = new CollectionPages(visitors, c.collections(), app.accounts().users(),
                c.submissions(), app.papers(), lenses, here, templates, conditional, app.config().baseUrl(),
                app.config().pageSize(), App.VERSION);
        paperPages.withCollections(collections);
        Caller caller = new Caller() {
            @Override
            public Optional<Long> userId(io.javalin.http.Context ctx) {
                return visitors.signedIn(ctx).map(SignedIn::id);
            }

            @Override
            public long requireUserId(io.javalin.http.Context ctx) {
                return visitors.requireSignedIn(ctx).id();
            }
        };
        return new CollectRoutes(new SubmitPages(visitors, app.submissions(), hubLists, templates), collections,
                new SubmissionApi(caller, app.submissions(), hubLists, json),
                new CollectionApi(caller, c.collections(), app.papers(), json));
    }

    private Visitors visitors() {
        App.Accounts a = app.accounts();
        return new Visitors(a.sessions(), a.accessTokens(), app.config().admins(), app.clock(), app.config().baseUrl());
    }

    /** The account parts of the web over the account and community stores (docs/accounts.md). */
    private Routes.Accounts webAccounts(Templates templates, Json json, Visitors visitors, Community here) {
        App.Accounts a = app.accounts();
        App.CommunityStores c = app.community();
        Csrf csrf = new Csrf(visitors, new SecureRandom());
        AccountExport export = new AccountExport(c.votes(), c.comments(), c.collections(), c.submissions(),
                a.accessTokens(), json, app.clock());
        AccountPages pages = new AccountPages(visitors, a.users(), a.loginTokens(), a.accessTokens(), c.deletion(),
                export, app.mailer(), templates, app.clock(), app.config().baseUrl());
        CommunitySlots controls = new CommunitySlots(templates, c.votes(), here, c.moderation());
        return new Routes.Accounts(visitors, csrf, new PageSlots(templates, visitors, csrf, controls), pages);
    }

    /**
     * What the lists and pages read of the community: this instance's counters (votes, visible comments) and the
     * papers moderators hid, each paper's kept for {@link CachedCommunity#FRESHNESS}.
     */
    private CachedCommunity listCommunity() {
        PaperCounts counts = app.community().counts();
        ModerationStore moderation = app.community().moderation();
        return new CachedCommunity(new Community() {
            @Override
            public Map<String, Community.Counts> counts(Collection<String> ids) {
                Map<String, Community.Counts> out = new HashMap<>();
                counts.counts(ids).forEach((id, c) -> out.put(id, new Community.Counts(c.votes(), c.comments())));
                return out;
            }

            @Override
            public Set<String> hiddenAmong(Collection<String> ids) {
                return ids.isEmpty() ? Set.of() : moderation.hiddenAmong(ids);
            }
        }, app.clock(), CachedCommunity.FRESHNESS);
    }
}
