package dev.paperboy.web;

import dev.paperboy.account.User;
import dev.paperboy.account.UserStore;
import dev.paperboy.api.PaperLookup;
import dev.paperboy.community.CollectionStore;
import dev.paperboy.community.Outcome;
import dev.paperboy.community.PaperCollection;
import dev.paperboy.community.Submission;
import dev.paperboy.community.SubmissionStore;
import dev.paperboy.feed.AtomFeed;
import dev.paperboy.feed.AtomWriter;
import dev.paperboy.feed.PaperEntries;
import dev.paperboy.hub.Community;
import dev.paperboy.lens.LensCache;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import gg.jte.Content;
import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Collections on the web (docs/community.md, "Collections on the web"): the new, edit and delete forms, a collection's
 * page and its Atom feed, the "Add to collection" control of a paper page, and users' public profiles. Everything
 * works without JavaScript (forms answered with 303). Someone else's private collection is 404; someone else's
 * public one may be read but not changed (403).
 */
public final class CollectionPages {

    /** Submissions listed on a profile. */
    static final int PROFILE_SUBMISSIONS = 100;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private final Visitors visitors;
    private final CollectionStore collections;
    private final UserStore users;
    private final SubmissionStore submissions;
    private final PaperStore papers;
    private final LensCache lenses;
    private final Community community;
    private final Templates templates;
    private final Conditional conditional;
    private final String baseUrl;
    private final int pageSize;
    private final PaperEntries entries;
    private final AtomWriter writer;

    public CollectionPages(Visitors visitors, CollectionStore collections, UserStore users, SubmissionStore submissions,
            PaperStore papers, LensCache lenses, Community community, Templates templates, Conditional conditional,
            String baseUrl, int pageSize, String version) {
        this.visitors = visitors;
        this.collections = collections;
        this.users = users;
        this.submissions = submissions;
        this.papers = papers;
        this.lenses = lenses;
        this.community = community;
        this.templates = templates;
        this.conditional = conditional;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.pageSize = pageSize;
        this.entries = new PaperEntries(this.baseUrl);
        this.writer = new AtomWriter(this.baseUrl + "/", version);
    }

    void addTo(RoutesConfig r) {
        // Before /collections/{cid}, whose {cid} would otherwise take "new" and "….atom".
        Routes.get(r, "/collections/new", this::showNewCollectionPage);
        Routes.get(r, "/collections/{cid}.atom", this::sendCollectionFeed);
        r.post("/collections", this::createCollection);
        Routes.get(r, "/collections/{cid}", this::showCollectionPage);
        Routes.get(r, "/collections/{cid}/edit", this::showEditCollectionPage);
        r.post("/collections/{cid}/edit", this::updateCollection);
        r.post("/collections/{cid}/delete", this::deleteCollection);
        r.post("/collections/{cid}/add", this::addPaper);
        r.post("/collections/{cid}/remove", this::removePaper);
        Routes.get(r, "/users/me", this::showOwnProfile);
        Routes.get(r, "/users/{uid}", this::showProfilePage);
    }

    /** GET /collections/new?paper=: the form; with {@code paper}, that paper is added once the collection is made. */
    void showNewCollectionPage(Context ctx) {
        visitors.requireSignedIn(ctx);
        String paper = PaperLookup.find(papers, ctx.queryParam("paper")).map(Paper::id).orElse("");
        sendForm(ctx, 200, new CollectViews.CollectionFormView(0, "", "", true, paper, ""));
    }

    /** POST /collections: makes it (and adds {@code paper}, back to that paper's page), else to the new collection. */
    void createCollection(Context ctx) {
        SignedIn me = visitors.requireSignedIn(ctx);
        Form f = Form.of(ctx);
        String paper = PaperLookup.find(papers, ctx.formParam("paper")).map(Paper::id).orElse("");
        Optional<String> problem = CollectionStore.problemWith(f.name(), f.description());
        if (problem.isPresent()) {
            sendForm(ctx, 400, new CollectViews.CollectionFormView(0, f.name(), f.description(), f.isPublic(), paper,
                    problem.get()));
            return;
        }
        PaperCollection c = done(collections.create(me.id(), f.name(), f.description(), f.isPublic()));
        if (!paper.isEmpty()) {
            done(collections.add(me.id(), c.id(), paper));
            seeOther(ctx, Views.paperUrl(paper) + "#paper-collections-h");
        } else {
            seeOther(ctx, "/collections/" + c.id());
        }
    }

    /** GET /collections/{cid}?page=: the papers, newest added first; private ones are the owner's only (404). */
    void showCollectionPage(Context ctx) {
        Optional<SignedIn> who = visitors.signedIn(ctx);
        Optional<Long> viewer = who.map(SignedIn::id);
        PaperCollection c = visible(ctx, viewer);
        int page = page(ctx.queryParam("page"));
        List<CollectionStore.Entry> list = collections.papers(c.id(), viewer, pageSize + 1, (page - 1) * pageSize)
                .orElseThrow(() -> notFound(c.id()));
        if (page > 1 && list.isEmpty()) throw new NotFoundResponse("Page " + page + " is past the end of this collection.");
        boolean more = list.size() > pageSize;
        if (more) list = list.subList(0, pageSize);
        List<Paper> shown = papersOf(list);
        Map<String, Instant> added = new java.util.HashMap<>();
        for (CollectionStore.Entry e : list) added.put(e.paperId(), e.addedAt());
        List<CollectViews.Collected> rows = new ArrayList<>(shown.size());
        for (Paper p : shown) {
            rows.add(new CollectViews.Collected(Views.row(p, lenses.lens(p.title(), p.abstractText())),
                    DAY.format(added.get(p.id()))));
        }
        String path = "/collections/" + c.id();
        boolean mine = viewer.isPresent() && viewer.get() == c.ownerId();
        privateToVisitor(ctx, who.isPresent());
        templates.send(ctx, 200, "collection.jte", new CollectViews.CollectionView(c.id(), c.name(), c.description(),
                c.isPublic(), c.ownerName(), "/users/" + c.ownerId(), DAY.format(c.createdAt()),
                DAY.format(c.updatedAt()), c.papers(), rows, mine,
                page > 1 ? path + (page == 2 ? "" : "?page=" + (page - 1)) : null,
                more ? path + "?page=" + (page + 1) : null, c.isPublic() ? path + ".atom" : null));
    }

    /** GET /collections/{cid}.atom: a public collection's papers, newest added first; private ones 404 for everyone. */
    void sendCollectionFeed(Context ctx) {
        long id = id(ctx.pathParam("cid"));
        PaperCollection c = collections.find(id, Optional.empty()).orElseThrow(() -> notFound(id));
        List<CollectionStore.Entry> list = collections.papers(id, Optional.empty(), pageSize, 0)
                .orElseThrow(() -> notFound(id));
        Map<String, Paper> found = papers.findAll(list.stream().map(CollectionStore.Entry::paperId).toList());
        Set<String> hidden = community.hiddenAmong(found.keySet());
        List<AtomFeed.Entry> items = new ArrayList<>(list.size());
        Instant updated = c.updatedAt();
        for (CollectionStore.Entry e : list) {
            Paper p = found.get(e.paperId());
            if (p == null || hidden.contains(p.id())) continue;
            AtomFeed.Entry x = entries.entry(p, lenses.lens(p.title(), p.abstractText()).chip());
            // The entry changed here when it was added: that is what a reader of a collection follows.
            items.add(new AtomFeed.Entry(x.id(), x.title(), e.addedAt(), x.published(), x.authors(), x.categories(),
                    x.summary(), x.content(), x.links()));
            if (e.addedAt().isAfter(updated)) updated = e.addedAt();
        }
        String self = baseUrl + "/collections/" + id + ".atom";
        AtomFeed feed = new AtomFeed(self, c.name() + " · Paperboy", "A collection by " + c.ownerName()
                + (c.description().isEmpty() ? "" : ": " + c.description()), updated, self,
                baseUrl + "/collections/" + id, items);
        conditional.send(ctx, Conditional.Freshness.FEED, AtomWriter.MEDIA_TYPE, writer.toBytes(feed));
    }

    /** GET /collections/{cid}/edit: the owner's form (others: 403 for a public collection, 404 for a private one). */
    void showEditCollectionPage(Context ctx) {
        SignedIn me = visitors.requireSignedIn(ctx);
        PaperCollection c = own(ctx, me);
        sendForm(ctx, 200, new CollectViews.CollectionFormView(c.id(), c.name(), c.description(), c.isPublic(), "", ""));
    }

    /** POST /collections/{cid}/edit. */
    void updateCollection(Context ctx) {
        SignedIn me = visitors.requireSignedIn(ctx);
        long id = id(ctx.pathParam("cid"));
        Form f = Form.of(ctx);
        Optional<String> problem = CollectionStore.problemWith(f.name(), f.description());
        if (problem.isPresent()) {
            own(ctx, me);
            sendForm(ctx, 400, new CollectViews.CollectionFormView(id, f.name(), f.description(), f.isPublic(), "",
                    problem.get()));
            return;
        }
        done(collections.update(me.id(), id, f.name(), f.description(), f.isPublic()));
        seeOther(ctx, "/collections/" + id);
    }

    /** POST /collections/{cid}/delete: to the owner's profile. */
    void deleteCollection(Context ctx) {
        SignedIn me = visitors.requireSignedIn(ctx);
        done(collections.delete(me.id(), id(ctx.pathParam("cid"))));
        seeOther(ctx, "/users/" + me.id() + "#collections");
    }

    /** POST /collections/{cid}/add (paper, next): back to {@code next}, the paper's page by default. */
    void addPaper(Context ctx) {
        SignedIn me = visitors.requireSignedIn(ctx);
        Paper p = formPaper(ctx);
        done(collections.add(me.id(), id(ctx.pathParam("cid")), p.id()));
        seeOther(ctx, back(ctx, p));
    }

    /** POST /collections/{cid}/remove (paper, next). */
    void removePaper(Context ctx) {
        SignedIn me = visitors.requireSignedIn(ctx);
        String paper = PaperLookup.canonicalId(Optional.ofNullable(ctx.formParam("paper")).orElse(""));
        if (paper.isEmpty()) throw new BadRequestResponse("Which paper? The form names none.");
        done(collections.remove(me.id(), id(ctx.pathParam("cid")), paper));
        String next = SafeNext.of(ctx.formParam("next"));
        seeOther(ctx, next.equals("/") ? Views.paperUrl(paper) : next);
    }

    /** GET /users/me: the signed-in user's own profile. */
    void showOwnProfile(Context ctx) {
        SignedIn me = visitors.requireSignedIn(ctx);
        ctx.header("Cache-Control", "no-store");
        ctx.redirect("/users/" + me.id(), HttpStatus.SEE_OTHER);
    }

    /**
     * GET /users/{uid}: public name, member since, public collections (the owner also sees their private ones) and
     * submissions, newest first; never the address. Blocked and deleted users are "no such user" (404).
     */
    void showProfilePage(Context ctx) {
        long uid = userId(ctx.pathParam("uid"));
        User user = users.find(uid).filter(u -> !u.blocked())
                .orElseThrow(() -> new NotFoundResponse("There is no such user."));
        Optional<SignedIn> who = visitors.signedIn(ctx);
        Optional<Long> viewer = who.map(SignedIn::id);
        List<CollectViews.CollectionLine> lines = collections.ofOwner(uid, viewer).stream()
                .map(c -> new CollectViews.CollectionLine(c.id(), c.name(), c.isPublic(), c.papers(),
                        "/collections/" + c.id()))
                .toList();
        List<Submission> subs = submissions.ofUser(uid, PROFILE_SUBMISSIONS);
        Map<String, Paper> found = papers.findAll(subs.stream().map(Submission::paperId).distinct().toList());
        Set<String> hidden = community.hiddenAmong(found.keySet());
        List<CollectViews.SubmissionLine> submitted = new ArrayList<>();
        for (Submission s : subs) {
            Paper p = found.get(s.paperId());
            if (p == null || hidden.contains(p.id())) continue;
            submitted.add(new CollectViews.SubmissionLine(Views.paperUrl(p.id()),
                    p.title().isBlank() ? p.id() : p.title(), s.day().toString(), "/papers/date/" + s.day()));
        }
        privateToVisitor(ctx, who.isPresent());
        templates.send(ctx, 200, "profile.jte", new CollectViews.ProfileView(user.publicName(),
                DAY.format(user.createdAt()), lines, submitted, viewer.isPresent() && viewer.get() == uid));
    }

    /**
     * The paper page's "Add to collection" control for this request's visitor: their collections with add or
     * remove, and "new collection"; a sign-in link for anonymous visitors. Per user, so the page is not stored.
     */
    Content paperControls(Context ctx, Paper paper) {
        Optional<SignedIn> who = visitors.signedIn(ctx);
        String next = Views.paperUrl(paper.id()) + "#paper-collections-h";
        if (who.isEmpty()) {
            return templates.content("fragments/papercollections.jte",
                    new CollectViews.PaperControlsView(paper.id(), next, List.of(), signInTo(next)));
        }
        ctx.header("Cache-Control", "private, no-store");
        long me = who.get().id();
        Set<Long> holding = collections.holding(me, paper.id());
        List<CollectViews.Holding> mine = collections.ofOwner(me, Optional.of(me)).stream()
                .map(c -> new CollectViews.Holding(c.id(), c.name(), c.isPublic(), holding.contains(c.id())))
                .toList();
        return templates.content("fragments/papercollections.jte",
                new CollectViews.PaperControlsView(paper.id(), next, mine, ""));
    }

    /** The papers of these entries in their order; papers moderators hid are left out. */
    private List<Paper> papersOf(List<CollectionStore.Entry> list) {
        Map<String, Paper> found = papers.findAll(list.stream().map(CollectionStore.Entry::paperId).toList());
        Set<String> hidden = community.hiddenAmong(found.keySet());
        List<Paper> out = new ArrayList<>(list.size());
        for (CollectionStore.Entry e : list) {
            Paper p = found.get(e.paperId());
            if (p != null && !hidden.contains(p.id())) out.add(p);
        }
        return out;
    }

    /** The collection of the path when the viewer may see it, else 404. */
    private PaperCollection visible(Context ctx, Optional<Long> viewer) {
        long id = id(ctx.pathParam("cid"));
        return collections.find(id, viewer).orElseThrow(() -> notFound(id));
    }

    /** The collection of the path when it is the signed-in user's: 404 when they may not see it, 403 when not theirs. */
    private PaperCollection own(Context ctx, SignedIn me) {
        PaperCollection c = visible(ctx, Optional.of(me.id()));
        if (c.ownerId() != me.id()) throw new ForbiddenResponse("This collection is someone else's; only they can change it.");
        return c;
    }

    /** The value of a store's answer, or the refusal as 404 (not found, or private) or 403 (not yours, blocked). */
    private static <T> T done(Outcome<T> outcome) {
        return switch (outcome) {
            case Outcome.Done<T> d -> d.value();
            case Outcome.Refused<T> r -> throw switch (r.refusal()) {
                case NOT_FOUND -> new NotFoundResponse("There is no such collection or paper (or it is private).");
                case NOT_YOURS -> new ForbiddenResponse("This collection is someone else's; only they can change it.");
                case BLOCKED -> new ForbiddenResponse("This account may not change collections.");
                case LIMIT_REACHED -> new TooManyRequests(java.time.Duration.ofMinutes(1), "Too many changes; try again later.");
            };
        };
    }

    private Paper formPaper(Context ctx) {
        String raw = Optional.ofNullable(ctx.formParam("paper")).orElse("");
        if (raw.isBlank()) throw new BadRequestResponse("Which paper? The form names none.");
        return PaperLookup.find(papers, raw).filter(p -> !community.isHidden(p.id()))
                .orElseThrow(() -> new NotFoundResponse("No paper with id " + raw.strip() + "."));
    }

    private static String back(Context ctx, Paper p) {
        String next = SafeNext.of(ctx.formParam("next"));
        return next.equals("/") ? Views.paperUrl(p.id()) : next;
    }

    private void sendForm(Context ctx, int status, CollectViews.CollectionFormView view) {
        ctx.header("Cache-Control", "no-store");
        templates.send(ctx, status, "collection-form.jte", view);
    }

    private static void seeOther(Context ctx, String path) {
        ctx.header("Cache-Control", "no-store");
        ctx.redirect(path, HttpStatus.SEE_OTHER);
    }

    /** Pages that show a signed-in visitor their own controls are not stored; others are revalidated. */
    private static void privateToVisitor(Context ctx, boolean signedIn) {
        ctx.header("Cache-Control", signedIn ? "private, no-store" : "no-cache");
    }

    static long id(String raw) {
        try {
            long id = Long.parseLong(raw);
            if (id > 0) return id;
        } catch (NumberFormatException e) {
            // below
        }
        throw new NotFoundResponse("There is no collection " + raw + ".");
    }

    private static int page(String raw) {
        if (raw == null || raw.isBlank()) return 1;
        try {
            int p = Integer.parseInt(raw.strip());
            if (p >= 1 && p <= PaperPages.MAX_PAGE) return p;
        } catch (NumberFormatException e) {
            // below
        }
        throw new BadRequestResponse("page must be a whole number between 1 and " + PaperPages.MAX_PAGE + ".");
    }

    private static long userId(String raw) {
        try {
            long id = Long.parseLong(raw);
            if (id > 0) return id;
        } catch (NumberFormatException e) {
            // below
        }
        throw new NotFoundResponse("There is no such user.");
    }

    private static NotFoundResponse notFound(long id) {
        return new NotFoundResponse("There is no collection " + id + " (or it is private).");
    }

    /** The collection form's fields. */
    private record Form(String name, String description, boolean isPublic) {
        static Form of(Context ctx) {
            return new Form(Optional.ofNullable(ctx.formParam("name")).orElse(""),
                    Optional.ofNullable(ctx.formParam("description")).orElse(""),
                    !"private".equals(ctx.formParam("visibility")));
        }
    }

    /** The sign-in link that comes back to a page. */
    static String signInTo(String path) {
        return "/signin?next=" + URLEncoder.encode(path, StandardCharsets.UTF_8);
    }
}
