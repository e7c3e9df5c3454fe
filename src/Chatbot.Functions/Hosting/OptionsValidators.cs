using Chatbot.BotFramework.Auth;
using Chatbot.Functions.DirectLine;
using Chatbot.Functions.Escalations;
using Chatbot.Functions.Staff;
using Chatbot.Functions.State;
using Microsoft.Extensions.Options;

namespace Chatbot.Functions.Hosting;

// Source-generated validation of the data annotations (reflection-free, so Native AOT can publish it).

[OptionsValidator]
public sealed partial class ContentOptionsValidator : IValidateOptions<ContentOptions>;

[OptionsValidator]
public sealed partial class StateOptionsValidator : IValidateOptions<StateOptions>;

[OptionsValidator]
public sealed partial class BotAuthOptionsValidator : IValidateOptions<BotAuthOptions>;

[OptionsValidator]
public sealed partial class NotificationOptionsValidator : IValidateOptions<NotificationOptions>;

[OptionsValidator]
public sealed partial class ServiceUrlOptionsValidator : IValidateOptions<ServiceUrlOptions>;

[OptionsValidator]
public sealed partial class StaffOptionsValidator : IValidateOptions<StaffOptions>;

[OptionsValidator]
public sealed partial class DirectLineOptionsValidator : IValidateOptions<DirectLineOptions>;

[OptionsValidator]
public sealed partial class ConversationOptionsValidator : IValidateOptions<ConversationOptions>;

[OptionsValidator]
public sealed partial class SiteOptionsValidator : IValidateOptions<SiteOptions>;
