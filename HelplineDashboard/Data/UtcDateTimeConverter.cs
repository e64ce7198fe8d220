using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace HelplineDashboard.Data;

/// <summary>Stores UTC timestamps and reads them back with <see cref="DateTimeKind.Utc"/>.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
