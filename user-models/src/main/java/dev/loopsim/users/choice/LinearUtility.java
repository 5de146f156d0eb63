package dev.loopsim.users.choice;

import dev.loopsim.core.model.TrueUtility;
import dev.loopsim.core.world.MemberState;
import dev.loopsim.core.world.Title;

/**
 * U = w_q·q_i + w_g·θ_u(t)·g_i + w_z·z_u·w_i − w_b·β_u(t)·g_i (DESIGN §4), with the member's
 * current taste θ_u(t) and boredom β_u(t) as of their last update.
 */
public record LinearUtility(double qualityWeight, double genreWeight, double latentWeight, double boredomWeight)
        implements TrueUtility {

    @Override
    public double utility(MemberState member, Title title, double day) {
        double u = qualityWeight * title.quality()
                + genreWeight * title.genreMatch(member.taste())
                + latentWeight * title.latentMatch(member.profile().latentView());
        return boredomWeight == 0 ? u : u - boredomWeight * title.genreMatch(member.boredom());
    }
}
