namespace HelplineDashboard.Features.Categories;

public static class CategoriesServiceCollectionExtensions
{
    public static IServiceCollection AddHelplineCategories(this IServiceCollection services)
    {
        services.AddSingleton<CategoryService>();
        return services;
    }
}
