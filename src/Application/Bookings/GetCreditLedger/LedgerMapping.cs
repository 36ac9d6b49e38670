using UnifiedCustomers.Domain.Bookings;

namespace UnifiedCustomers.Application.Bookings.GetCreditLedger;

internal sealed class LedgerMapping : IRegister
{
    public void Register(TypeAdapterConfig config) => config.NewConfig<CreditLedgerEntry, LedgerEntryResponse>();
}
