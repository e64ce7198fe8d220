using HelplineDashboard.Common;
using HelplineDashboard.Data;
using HelplineDashboard.Features.Accounts;
using HelplineDashboard.Features.Audit;
using HelplineDashboard.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace HelplineDashboard.Features.Categories;

/// <summary>The category taxonomy (administrators keep it) and the categories of a case (its owner sets them).</summary>
public sealed class CategoryService(
    IDbContextFactory<HelplineDbContext> dbFactory,
    CaseNotifier caseChanges,
    TimeProvider time)
{
    /// <summary>All categories, retired ones too, for the administrator's page.</summary>
    public async Task<IReadOnlyList<CategoryView>> ListAllAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        EnsureAdmin(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Ordered(db.Categories.AsNoTracking()).Select(c => new CategoryView(c.Id, c.Group, c.Name, c.Retired)).ToListAsync(cancellationToken);
    }

    public async Task<CategoryView> AddAsync(string group, string name, Actor actor, CancellationToken cancellationToken = default)
    {
        EnsureAdmin(actor);
        var validGroup = Text.Required(group, Category.MaxNameLength, "Give the category a group.");
        var validName = Text.Required(name, Category.MaxNameLength, "Give the category a name.");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await EnsureUniqueAsync(db, validGroup, validName, null, cancellationToken);
        var last = await db.Categories.MaxAsync(c => (int?)c.SortOrder, cancellationToken) ?? 0;
        var category = new Category { Group = validGroup, Name = validName, SortOrder = last + 10 };
        db.Categories.Add(category);
        await AuditTrail.SaveWithLineAsync(
            db, () => AuditTrail.Record(db, time.GetUtcNow().UtcDateTime, actor, AuditAction.SettingsChanged, $"category:{category.Id}", null, AuditDetails.CategoryAdded), cancellationToken);
        return CategoryView.From(category);
    }

    public async Task RenameAsync(int categoryId, string group, string name, Actor actor, CancellationToken cancellationToken = default)
    {
        EnsureAdmin(actor);
        var validGroup = Text.Required(group, Category.MaxNameLength, "Give the category a group.");
        var validName = Text.Required(name, Category.MaxNameLength, "Give the category a name.");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var category = await db.Categories.SingleOrDefaultAsync(c => c.Id == categoryId, cancellationToken) ?? throw new AccessDeniedException();
        await EnsureUniqueAsync(db, validGroup, validName, categoryId, cancellationToken);
        category.Group = validGroup;
        category.Name = validName;
        AuditTrail.Record(db, time.GetUtcNow().UtcDateTime, actor, AuditAction.SettingsChanged, $"category:{categoryId}", null, AuditDetails.CategoryRenamed);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task SetRetiredAsync(int categoryId, bool retired, Actor actor, CancellationToken cancellationToken = default)
    {
        EnsureAdmin(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var category = await db.Categories.SingleOrDefaultAsync(c => c.Id == categoryId, cancellationToken) ?? throw new AccessDeniedException();
        category.Retired = retired;
        AuditTrail.Record(db, time.GetUtcNow().UtcDateTime, actor, AuditAction.SettingsChanged, $"category:{categoryId}", null, retired ? AuditDetails.CategoryRetired : AuditDetails.CategoryRestored);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Sets the case's categories to exactly <paramref name="categoryIds"/>. Only the owner; a retired category may stay
    /// on a case that already has it but cannot be newly chosen.
    /// </summary>
    public async Task SetForCaseAsync(long caseId, IReadOnlyCollection<int> categoryIds, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await CaseService.LoadForWorkAsync(db, caseId, actor, cancellationToken);
        var wanted = categoryIds.ToHashSet();
        var current = await db.CaseCategories.Where(c => c.CaseId == caseId).ToListAsync(cancellationToken);
        var added = wanted.Except(current.Select(c => c.CategoryId)).ToList();
        var offered = await db.Categories.Where(c => added.Contains(c.Id) && !c.Retired).CountAsync(cancellationToken);
        if (offered != added.Count)
        {
            throw new HelplineRuleException("Choose categories from the list.");
        }

        db.CaseCategories.RemoveRange(current.Where(c => !wanted.Contains(c.CategoryId)));
        db.CaseCategories.AddRange(added.Select(id => new CaseCategory { CaseId = caseId, CategoryId = id }));
        AuditTrail.Record(db, time.GetUtcNow().UtcDateTime, actor, AuditAction.CategoriesChanged, AuditTrail.Case(caseId), found.Line,
            AuditPhrases.Categories.Format(string.Join(",", wanted.Order())));
        await db.SaveChangesAsync(cancellationToken);
        await caseChanges.PublishAsync(new CaseChanged(caseId, found.Line));
    }

    /// <summary>The categories that can be chosen now, for those who work cases (the case lists filter by them).</summary>
    public async Task<IReadOnlyList<CategoryView>> ListActiveAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        if (!actor.WorksQueue)
        {
            throw new AccessDeniedException();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Ordered(db.Categories.AsNoTracking().Where(c => !c.Retired)).Select(c => new CategoryView(c.Id, c.Group, c.Name, c.Retired)).ToListAsync(cancellationToken);
    }

    /// <summary>The categories of each of these cases, for a list; the caller of this has checked access.</summary>
    internal static async Task<ILookup<long, CategoryView>> ForCasesAsync(HelplineDbContext db, IReadOnlyCollection<long> caseIds, CancellationToken cancellationToken)
    {
        var rows = await db.CaseCategories.AsNoTracking()
            .Where(k => caseIds.Contains(k.CaseId))
            .Join(db.Categories, k => k.CategoryId, c => c.Id, (k, c) => new { k.CaseId, c.Id, c.Group, c.Name, c.Retired, c.SortOrder })
            .OrderBy(r => r.SortOrder).ThenBy(r => r.Id)
            .ToListAsync(cancellationToken);
        return rows.ToLookup(r => r.CaseId, r => new CategoryView(r.Id, r.Group, r.Name, r.Retired));
    }

    /// <summary>The categories of a case and the ones that can be chosen; the caller of this has checked access.</summary>
    internal static async Task<(IReadOnlyList<CategoryView> Chosen, IReadOnlyList<CategoryView> Offered)> ForCaseAsync(
        HelplineDbContext db, long caseId, CancellationToken cancellationToken)
    {
        var chosenIds = db.CaseCategories.Where(c => c.CaseId == caseId).Select(c => c.CategoryId);
        var all = await Ordered(db.Categories.AsNoTracking().Where(c => !c.Retired || chosenIds.Contains(c.Id))).ToListAsync(cancellationToken);
        var chosen = await chosenIds.ToListAsync(cancellationToken);
        return (all.Where(c => chosen.Contains(c.Id)).Select(CategoryView.From).ToList(),
                all.Select(CategoryView.From).ToList());
    }

    private static IQueryable<Category> Ordered(IQueryable<Category> categories) =>
        categories.OrderBy(c => c.SortOrder).ThenBy(c => c.Id);

    private static async Task EnsureUniqueAsync(HelplineDbContext db, string group, string name, int? except, CancellationToken cancellationToken)
    {
        if (await db.Categories.AnyAsync(c => c.Group == group && c.Name == name && c.Id != except, cancellationToken))
        {
            throw new HelplineRuleException("A category with this group and name exists already.");
        }
    }

    private static void EnsureAdmin(Actor actor)
    {
        if (!actor.IsAdmin)
        {
            throw new AccessDeniedException();
        }
    }
}
