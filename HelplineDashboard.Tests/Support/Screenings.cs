using HelplineDashboard.Features.Cases;

namespace HelplineDashboard.Tests.Support;

/// <summary>Screening answers for tests: yes to the named questions, <paramref name="rest"/> to every other.</summary>
public static class Screenings
{
    public static ScreeningAnswers Answers(ScreeningAnswer rest, params string[] yes)
    {
        var answers = new ScreeningAnswers();
        foreach (var question in ScreeningQuestion.All)
        {
            question.Set(answers, yes.Contains(question.Key) ? ScreeningAnswer.Yes : rest);
        }

        return answers;
    }

    public static ScreeningAnswers Yes(params string[] yes) => Answers(ScreeningAnswer.No, yes);
}
